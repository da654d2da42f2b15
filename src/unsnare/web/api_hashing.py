"""Hash API under /api/v1: hash an image (nothing stored), look up hashes or images,
add and remove hashes in a bank, bank status. Thin: parse, call `unsnare.hashing`."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from pydantic import BaseModel, Field

from unsnare.errors import HashingError, UsageError
from unsnare.hashing import hash_image_bytes
from unsnare.hashing.banks import (
    DEFAULT_PDQ_DISTANCE,
    BankKind,
    BankStatus,
    HashBank,
    SignalType,
    entry,
    guess_signal_type,
)
from unsnare.hashing.matcher import VARIANTS, HashMatcher, Match, MatchResult
from unsnare.hashing.pdq import ImageHashes, hash_image_variants
from unsnare.hashing.storage import bank_index_dir, open_bank_store
from unsnare.settings import Settings
from unsnare.web.apitoken import require_token

router = APIRouter(prefix="/api/v1", tags=["hashing"], dependencies=[Depends(require_token)])
# Guards only the one-time creation of an app's matcher (a lock, not shared data).
_BUILD_LOCK = threading.Lock()


def get_matcher(request: Request) -> HashMatcher:
    """The app's one matcher (built on first use from the settings' bank store)."""
    state = request.app.state
    matcher: HashMatcher | None = getattr(state, "hash_matcher", None)
    if matcher is not None:
        return matcher
    # Two first requests at once must not each build (and later save) a matcher.
    with _BUILD_LOCK:
        matcher = getattr(state, "hash_matcher", None)
        if matcher is None:
            settings: Settings = state.settings
            matcher = HashMatcher(open_bank_store(settings), bank_index_dir(settings))
            state.hash_matcher = matcher
    return matcher


# Caps on what one request may ask for, so an oversized list is refused at once
# (422) instead of being worked through: a 10,000-bank lookup took 7 s.
MAX_BANKS = 64
MAX_NAME = 200
MAX_LABELS = 32

MatcherDep = Annotated[HashMatcher, Depends(get_matcher)]
BanksQuery = Annotated[
    list[str] | None,
    Query(description=f"Only these banks (repeatable, up to {MAX_BANKS}).", max_length=MAX_BANKS),
]
BankNames = Annotated[list[Annotated[str, Field(max_length=MAX_NAME)]], Field(max_length=MAX_BANKS)]


class ImageHashesOut(BaseModel):
    """The hashes of one image; the image itself is not kept."""

    sha256: str
    md5: str
    pdq: str | None
    quality: int | None = Field(description="PDQ quality 0-100; under 50 matches less reliably.")
    low_quality: bool
    media_type: str
    dihedral: dict[str, str] | None = Field(
        default=None, description="PDQ of each rotation and flip, when asked for."
    )


class MatchOut(BaseModel):
    """One stored hash that matched."""

    bank: str
    bank_kind: BankKind
    signal_type: SignalType
    value: str
    distance: int
    entry_id: int
    source: str
    labels: list[str]
    variant: str


class MatchResultOut(BaseModel):
    """Blocklist matches; those an allowlist suppressed; and the allowlist hits."""

    matched: bool
    matches: list[MatchOut]
    suppressed: list[MatchOut]
    allowlisted: list[MatchOut]
    hashes: ImageHashesOut | None = None


class LookupIn(BaseModel):
    """Hashes to look up: a PDQ hash (or several, e.g. dihedral variants) and/or an MD5."""

    pdq: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list, max_length=8)
    md5: str | None = Field(default=None, max_length=32)
    banks: BankNames | None = None


class BankIn(BaseModel):
    """A new hash bank."""

    name: str = Field(min_length=1, max_length=MAX_NAME)
    kind: BankKind = BankKind.BLOCKLIST
    max_distance: int = Field(default=DEFAULT_PDQ_DISTANCE, ge=0, le=256)
    description: str = Field(default="", max_length=2000)


class BankStatusOut(BaseModel):
    """A bank and how many hashes it holds."""

    name: str
    kind: BankKind
    max_distance: int
    description: str
    created: datetime
    pdq: int
    md5: int


class HashIn(BaseModel):
    """One hash to add; the type is guessed from the length when not given."""

    hash: str = Field(max_length=64)
    signal_type: SignalType | None = None
    source: str = Field(default="", max_length=1000)
    labels: list[Annotated[str, Field(max_length=MAX_NAME)]] = Field(
        default_factory=list, max_length=MAX_LABELS
    )


class AddHashesIn(BaseModel):
    """Hashes to add to a bank."""

    hashes: list[HashIn] = Field(min_length=1, max_length=100_000)


class AddHashesOut(BaseModel):
    """How many were new and how many the bank already held."""

    added: int
    already_present: int
    entry_ids: list[int]


class RemoveOut(BaseModel):
    """How many hashes were removed."""

    removed: int


def _match_out(m: Match) -> MatchOut:
    # MatchOut mirrors the library's Match field for field.
    return MatchOut.model_validate(m, from_attributes=True)


def _result_out(result: MatchResult, hashes: ImageHashesOut | None = None) -> MatchResultOut:
    return MatchResultOut(
        matched=result.matched,
        matches=[_match_out(m) for m in result.matches],
        suppressed=[_match_out(m) for m in result.suppressed],
        allowlisted=[_match_out(m) for m in result.allowlisted],
        hashes=hashes,
    )


def _status_out(s: BankStatus) -> BankStatusOut:
    b = s.bank
    return BankStatusOut(
        name=b.name,
        kind=b.kind,
        max_distance=b.max_distance,
        description=b.description,
        created=b.created,
        pdq=s.pdq,
        md5=s.md5,
    )


def _hashes_out(h: ImageHashes, variants: list[str] | None = None) -> ImageHashesOut:
    return ImageHashesOut(
        sha256=h.sha256,
        md5=h.md5,
        pdq=h.pdq,
        quality=h.quality,
        low_quality=h.low_quality,
        media_type=h.media_type,
        dihedral=dict(zip(VARIANTS, variants, strict=True)) if variants else None,
    )


@router.post("/hashes", response_model=ImageHashesOut, summary="Hash an image (nothing stored)")
def hash_image(
    file: Annotated[UploadFile, File(description="A PNG, JPEG, WebP, GIF or HEIC image.")],
    dihedral: bool = False,
) -> ImageHashesOut:
    """PDQ (with quality), MD5 and SHA-256 of an uploaded image; it is hashed in memory."""
    data, name = file.file.read(), file.filename or "upload"
    if dihedral:
        return _hashes_out(*hash_image_variants(data, name=name))
    return _hashes_out(hash_image_bytes(data, name=name))


@router.post("/lookup", response_model=MatchResultOut, summary="Look up hashes")
def lookup_hashes(body: LookupIn, matcher: MatcherDep) -> MatchResultOut:
    """Match PDQ and/or MD5 hashes against the banks (each bank's own PDQ distance)."""
    if not body.pdq and not body.md5:
        raise UsageError("send at least one of 'pdq' or 'md5'", field="pdq")
    return _result_out(matcher.match(body.pdq, body.md5, body.banks))


@router.post("/lookup/image", response_model=MatchResultOut, summary="Look up an image")
def lookup_image(
    file: Annotated[UploadFile, File(description="The image to check; it is not kept.")],
    matcher: MatcherDep,
    banks: BanksQuery = None,
    dihedral: bool = False,
) -> MatchResultOut:
    """Hash an uploaded image in memory and match it (optionally its rotations and flips)."""
    data, name = file.file.read(), file.filename or "upload"
    h, result = matcher.match_image(data, banks=banks, dihedral=dihedral, name=name)
    return _result_out(result, _hashes_out(h))


@router.get("/banks", response_model=list[BankStatusOut], summary="List banks")
def list_banks(matcher: MatcherDep) -> list[BankStatusOut]:
    """Every bank with its hash counts."""
    store = matcher.store
    return [_status_out(store.status(b.name)) for b in store.list_banks()]


@router.post("/banks", response_model=BankStatusOut, status_code=201, summary="Create a bank")
def create_bank(body: BankIn, matcher: MatcherDep) -> BankStatusOut:
    """Create a blocklist or allowlist bank with its PDQ distance."""
    bank = matcher.store.create_bank(
        HashBank(body.name, body.kind, body.max_distance, body.description)
    )
    return _status_out(matcher.store.status(bank.name))


@router.get("/banks/{name}", response_model=BankStatusOut, summary="Bank status")
def bank_status(name: str, matcher: MatcherDep) -> BankStatusOut:
    """One bank's settings and hash counts."""
    return _status_out(matcher.store.status(name))


@router.post("/banks/{name}/hashes", response_model=AddHashesOut, summary="Add hashes")
def add_hashes(name: str, body: AddHashesIn, matcher: MatcherDep) -> AddHashesOut:
    """Add hashes to a bank; they match from the very next lookup."""
    items = []
    for i, h in enumerate(body.hashes):
        kind = h.signal_type or guess_signal_type(h.hash)
        if kind is None:
            raise HashingError(
                f"'{h.hash[:80]}' is not a PDQ or MD5 hash", field=f"hashes[{i}].hash"
            )
        items.append(entry(kind, h.hash, source=h.source, labels=h.labels))
    added = matcher.add(name, items)
    return AddHashesOut(
        added=len(added),
        already_present=len(items) - len(added),
        entry_ids=[e.entry_id or 0 for e in added],
    )


@router.delete("/banks/{name}/hashes/{value}", response_model=RemoveOut, summary="Remove a hash")
def remove_hash(name: str, value: str, matcher: MatcherDep) -> RemoveOut:
    """Remove a PDQ or MD5 hash from a bank; it stops matching from the next lookup."""
    kind = guess_signal_type(value)
    if kind is None:
        raise HashingError(f"'{value[:80]}' is not a PDQ or MD5 hash", field="value")
    return RemoveOut(removed=matcher.remove(name, kind, [value]))
