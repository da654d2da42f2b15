"""The review queue's JSON endpoints, for platforms that build their own reviewer UI.

A key with the `review` scope reviews as a `reviewer`; a key with `admin` as a `lead`
(it may escalate and decide escalated items). Thin: parse, call `review`, answer.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import Field

from unsnare.errors import HashingError
from unsnare.hashing.banks import SignalType, normalise_hash
from unsnare.platform import review
from unsnare.platform.cybertip import ReportRequest
from unsnare.platform.keys import ApiKey
from unsnare.platform.review_package import build_package, load_signing_key
from unsnare.platform.schemas import LookupIn, _Strict
from unsnare.platform.services import Services, scoped, services
from unsnare.platform.storable import storable

router = APIRouter(prefix="/v1/review", tags=["review"])
Svc = Annotated[Services, Depends(services)]
ItemId = Annotated[int, Path(ge=1, le=2**62)]
ConversationId = Annotated[str, Path(min_length=1, max_length=200)]


class DecisionIn(_Strict):
    """A reviewer's decision on an item."""

    decision: Literal["confirm", "dismiss", "escalate"]
    note: str = Field(default="", max_length=2000)
    allowlist: bool = Field(default=False, description="With dismiss, on a hash match: add "
                            "its hash to the tenant's allowlist bank")
    reviewer: str | None = Field(default=None, min_length=1, max_length=200,
                                 description="Your reviewer's name, for the audit log")


class HashMatchIn(LookupIn):
    """Hashes to look up; a blocklist match is put in the review queue."""

    conversation_id: str | None = Field(default=None, min_length=1, max_length=200)
    minor: bool = Field(default=False, description="The account involved is a minor's")


class ConversationFlagIn(_Strict):
    """Ask for a conversation to be reviewed."""

    minor: bool = Field(default=False, description="The account involved is a minor's")


def _role(key: ApiKey) -> str:
    return "lead" if "admin" in key.scopes else "reviewer"


@router.get("/items")
def list_items(
    svc: Svc, key: Annotated[ApiKey, Depends(scoped("review"))],
    status: Annotated[list[Literal["open", "escalated", "confirmed", "dismissed"]] | None,
                      Query(max_length=4)] = None,
) -> dict[str, Any]:
    """The queue, most urgent first (crisis, then minors, then risk, then age)."""
    with svc.engine.begin() as conn:
        items = review.queue(conn, svc.scorer.analyzer, key.tenant, status or review.WAITING)
    return {"items": items}


@router.get("/items/{item_id}")
def get_item(
    item_id: ItemId, svc: Svc, key: Annotated[ApiKey, Depends(scoped("review"))],
    reveal: bool = False,
    reviewer: Annotated[str | None, Query(min_length=1, max_length=200,
                                          description="Your reviewer's name, for the audit "
                                          "log")] = None,
) -> dict[str, Any]:
    """One item: findings, the messages that matter (explicit wording hidden unless
    `reveal=true`, which is audited), hashes with distance and bank."""
    if reviewer is not None:
        storable(reviewer, "reviewer")
    with svc.engine.begin() as conn:
        return review.item(conn, key.tenant, item_id, reveal=reveal, actor=key.actor(),
                           on_behalf_of=reviewer)


@router.post("/items/{item_id}/decision")
def decide(
    item_id: ItemId, body: DecisionIn, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("review"))],
) -> dict[str, Any]:
    """Confirm, dismiss (optionally allowlisting the hash) or escalate (admin keys only)."""
    storable(body.note, "note")
    if body.reviewer is not None:
        storable(body.reviewer, "reviewer")
    with svc.engine.begin() as conn:
        return review.decide(conn, svc.banks, key.tenant, item_id, body.decision,
                             role=_role(key), actor=key.actor(), note=body.note,
                             allowlist=body.allowlist, on_behalf_of=body.reviewer)


@router.post("/items/{item_id}/package",
             responses={200: {"content": {"application/zip": {}}}},
             response_class=Response)
def package(
    item_id: ItemId, body: ReportRequest, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("report"))],
) -> Response:
    """The sealed evidence package (ZIP) of a confirmed item, with its CyberTipline report."""
    signer = load_signing_key(svc.settings.signing_key)
    with svc.engine.begin() as conn:
        data, digest = build_package(conn, svc.scorer.analyzer, signer, key.tenant, item_id,
                                     body, key.actor())
    return Response(data, media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="review-{item_id}.zip"',
        "Unsnare-Package-Hash": digest})


@router.post("/hash-matches")
def hash_match(
    body: HashMatchIn, svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:lookup"))],
) -> dict[str, Any]:
    """Look hashes up; a match (not allowlisted) becomes a review item."""
    if not body.pdq and not body.md5:
        raise HashingError("nothing to look up", field="pdq",
                           hint="Send at least one PDQ hash or an MD5.")
    if body.conversation_id is not None:
        storable(body.conversation_id, "conversation_id")
    result = svc.banks.lookup(key.tenant, body.pdq, body.md5, body.banks)
    item_id = None
    if result["matched"]:
        # Already checked by the lookup; kept in the form the banks store.
        queried = {"pdq": [normalise_hash(SignalType.PDQ, h) for h in body.pdq],
                   "md5": [normalise_hash(SignalType.MD5, body.md5)] if body.md5 else []}
        with svc.engine.begin() as conn:
            item_id = review.enqueue_hash_match(
                conn, key.tenant, queried, result["matches"],
                conversation_id=body.conversation_id, minor=body.minor, actor=key.actor())
    return {**result, "review_item": item_id}


@router.post("/conversations/{conversation_id}")
def flag_conversation(
    conversation_id: ConversationId, body: ConversationFlagIn, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("analyze"))],
) -> dict[str, Any]:
    """Put a conversation in the queue, or mark its waiting item as about a minor."""
    storable(conversation_id, "conversation_id")
    with svc.engine.begin() as conn:
        item_id = review.enqueue_conversation(conn, svc.scorer.analyzer, key.tenant,
                                              conversation_id, minor=body.minor,
                                              actor=key.actor())
    return {"review_item": item_id}
