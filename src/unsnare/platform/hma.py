"""Hash endpoints in the shapes of HMA (Meta's hasher-matcher-actioner, OpenMediaMatch),
so a team can point an HMA client at `<service>/hma` instead.

HMA's matcher routes are under `/m` and its curation routes under `/c`; the shapes
below follow OpenMediaMatch's `blueprints/matching.py` and `blueprints/curation.py`
(facebook/ThreatExchange). What differs is said in docs/platform.md: bank names are
shown upper-case (HMA style) and stored lower-case; one entry holds one signal (so
`id` is per hash); errors keep Unsnare's `{"error","where","hint"}` shape.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query

from unsnare.errors import HashingError
from unsnare.hashing.banks import HashBank, SignalType, entry
from unsnare.platform.keys import ApiKey
from unsnare.platform.services import Services, scoped, services

router = APIRouter(prefix="/hma", tags=["hma"])
Svc = Annotated[Services, Depends(services)]
_TYPES = {"pdq": SignalType.PDQ, "md5": SignalType.MD5, "video_md5": SignalType.MD5}


def _signal_type(name: str) -> SignalType:
    found = _TYPES.get(name)
    if found is None:
        raise HashingError(f"No such SignalType '{name}'", field="signal_type",
                           hint="Unsnare keeps pdq and md5 (video_md5 is read as md5).")
    return found


def _ours(name: str) -> str:
    return name.lower()


def _theirs(name: str) -> str:
    return name.upper()


@router.get("/c/banks")
def hma_banks(svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:lookup"))]
              ) -> list[dict[str, Any]]:
    """HMA's bank listing: `[{"name", "matching_enabled_ratio"}]`."""
    return [{"name": _theirs(b["name"]), "matching_enabled_ratio": 1.0}
            for b in svc.banks.list_banks(key.tenant)]


@router.post("/c/banks", status_code=201)
def hma_bank_create(
    svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:write"))],
    name: Annotated[str, Body(embed=True, min_length=1, max_length=64)],
) -> dict[str, Any]:
    """HMA's bank creation (every Unsnare bank matches always: the ratio is 1.0)."""
    with svc.engine.begin() as conn:
        svc.banks.create_bank(conn, key.tenant, HashBank(_ours(name)), key.actor())
    return {"name": _theirs(name), "matching_enabled_ratio": 1.0}


@router.post("/c/bank/{bank_name}/signal")
def hma_bank_add_signal(
    bank_name: str, svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:write"))],
    signals: Annotated[dict[str, str], Body()],
) -> dict[str, Any]:
    """HMA's add-a-hash: body `{"pdq": "<hash>"}`; answers `{"id", "signals"}`."""
    if not signals:
        raise HashingError("No signals given", field="body", hint='Send {"pdq": "<hash>"}.')
    items = [entry(_signal_type(name), value, source="hma") for name, value in signals.items()]
    with svc.engine.begin() as conn:
        svc.banks.add(conn, key.tenant, _ours(bank_name), items, key.actor())
    ids = svc.banks.entry_ids(key.tenant, _ours(bank_name), items)
    return {"id": ids[0] if ids else None,
            "signals": {name: e.value for name, e in zip(signals, items, strict=True)}}


@router.delete("/c/bank/{bank_name}/content/{content_id}")
def hma_bank_remove(
    bank_name: str, content_id: int, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("hash:write"))],
) -> dict[str, Any]:
    """HMA's remove-content: `{"deleted": n}`."""
    with svc.engine.begin() as conn:
        deleted = svc.banks.remove_by_id(conn, key.tenant, _ours(bank_name), content_id,
                                         key.actor())
    return {"deleted": deleted}


def _search(svc: Services, tenant: str, signal: str, signal_type: str) -> dict[str, Any]:
    kind = _signal_type(signal_type)
    if kind is SignalType.PDQ:
        return svc.banks.lookup(tenant, [signal], None, None)
    return svc.banks.lookup(tenant, [], signal, None)


@router.get("/m/lookup")
def hma_lookup(
    svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:lookup"))],
    signal: Annotated[str, Query(max_length=200)],
    signal_type: Annotated[str, Query(max_length=32)],
) -> list[str]:
    """HMA's lookup: the names of the banks that matched."""
    result = _search(svc, key.tenant, signal, signal_type)
    svc.metrics.lookups.inc()
    return sorted({_theirs(m["bank"]) for m in result["matches"]})


@router.get("/m/raw_lookup")
def hma_raw_lookup(
    svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:lookup"))],
    signal: Annotated[str, Query(max_length=200)],
    signal_type: Annotated[str, Query(max_length=32)],
    include_distance: bool = False,
) -> dict[str, Any]:
    """HMA's raw lookup: `{"matches": [id, ...]}` or, with distances, `[{"content_id",
    "distance"}]`."""
    result = _search(svc, key.tenant, signal, signal_type)
    svc.metrics.lookups.inc()
    hits = result["matches"] + result["suppressed"] + result["allowlisted"]
    if include_distance:
        return {"matches": [{"content_id": m["entry_id"], "distance": str(m["distance"])}
                            for m in hits]}
    return {"matches": [m["entry_id"] for m in hits]}
