"""Build an NCMEC CyberTipline report from a conversation the service holds.

Nothing is sent: the tenant's own systems submit it. The structure follows the
"report details" types of NCMEC's CyberTipline Reporting API documentation
(report.cybertip.org/ispws/documentation: incidentSummary, internetDetails with a
chatImIncident, reporter, personOrUserReported, victim, additionalInfo). NCMEC
publishes its XSD only to registered reporters, so the models below are a schema
of our own written from that documentation, not NCMEC's own; the XML is rendered
with the documented element names and no namespace.

The excerpt holds only the messages a finding points at (plus the one before each,
for context), never the whole conversation. Images are never included: files are
uploaded to NCMEC by the tenant, and only their hashes are named here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field

from unsnare.analysis import Analyzer, Scheme
from unsnare.platform import audit
from unsnare.platform.conversations import _as_conversation
from unsnare.platform.db import conversations, findings, messages
from unsnare.platform.errors import NotFoundError
from unsnare.platform.storable import storable

ONLINE_ENTICEMENT = "Online Enticement of Children for Sexual Act"
_SEXTORTION = {Scheme.FINANCIAL_SEXTORTION, Scheme.IMAGE_SEXTORTION,
               Scheme.MASS_EMAIL_SEXTORTION}


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IncidentSummary(_Doc):
    """NCMEC `incidentSummary`."""

    incidentType: str  # noqa: N815 - NCMEC's element names
    reportAnnotations: list[str] = Field(default_factory=list)  # noqa: N815
    escalateToHighPriority: str | None = None  # noqa: N815
    incidentDateTime: datetime  # noqa: N815
    incidentDateTimeDescription: str | None = None  # noqa: N815


class ChatImIncident(_Doc):
    """NCMEC `chatImIncident` (inside `internetDetails`)."""

    chatClient: str  # noqa: N815
    content: str
    additionalInfo: str | None = None  # noqa: N815


class Person(_Doc):
    """NCMEC `reportingPerson`."""

    firstName: str = Field(min_length=1, max_length=100)  # noqa: N815
    lastName: str = Field(min_length=1, max_length=100)  # noqa: N815
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)


class Reporter(_Doc):
    """NCMEC `reporter`."""

    reportingPerson: Person  # noqa: N815
    companyTemplate: str | None = None  # noqa: N815


class PersonOrUserReported(_Doc):
    """NCMEC `personOrUserReported` (the suspect)."""

    espIdentifier: str | None = None  # noqa: N815
    espService: str | None = None  # noqa: N815
    screenName: str | None = None  # noqa: N815
    displayName: list[str] = Field(default_factory=list)  # noqa: N815
    additionalInfo: str | None = None  # noqa: N815


class CyberTiplineReport(_Doc):
    """NCMEC `report`, as far as a conversation can fill it."""

    incidentSummary: IncidentSummary  # noqa: N815
    internetDetails: list[ChatImIncident]  # noqa: N815
    reporter: Reporter
    personOrUserReported: PersonOrUserReported  # noqa: N815
    additionalInfo: str | None = None  # noqa: N815


class ReportRequest(_Doc):
    """What the tenant adds: who reports, and what it knows of the reported account."""

    reporter: Person
    company_template: str | None = Field(default=None, max_length=5000)
    service: str = Field(min_length=1, max_length=200, description="The tenant's product")
    reported_sender: str = Field(min_length=1, max_length=200,
                                 description="The sender id of the reported account")
    reported_account_id: str | None = Field(default=None, max_length=200)
    reported_display_names: list[str] = Field(default_factory=list, max_length=20)
    file_hashes: list[str] = Field(default_factory=list, max_length=100,
                                   description="Hashes of files the tenant uploads to NCMEC")


def mattering(rows: list[Any], flagged: set[str]) -> list[int]:
    """Places of the messages that matter, in order: each flagged one and the one before."""
    keep: set[int] = set()
    for i, r in enumerate(rows):
        if r.message_id in flagged:
            keep.update({i - 1, i})
    return sorted(k for k in keep if k >= 0)


def _excerpt(rows: list[Any], flagged: set[str]) -> str:
    lines = []
    for i in mattering(rows, flagged):
        r = rows[i]
        when = r.sent_at.isoformat() if r.sent_at else "time not given"
        lines.append(f"[{when}] {r.sender or 'unknown'} (message {r.message_id}): {r.text}")
    return "\n".join(lines)


def build_report(
    conn: sa.Connection, analyzer: Analyzer, tenant: str, conversation_id: str,
    request: ReportRequest, actor: audit.Actor,
) -> CyberTiplineReport:
    """The report for one of the tenant's conversations (validated against our schema)."""
    storable(conversation_id, "conversation_id")
    state = conn.execute(sa.select(conversations).where(
        conversations.c.tenant == tenant, conversations.c.id == conversation_id)).first()
    if state is None:
        raise NotFoundError(f"no conversation '{conversation_id}'", field="conversation_id")
    rows = list(conn.execute(sa.select(messages).where(
        messages.c.tenant == tenant, messages.c.conversation == conversation_id,
    ).order_by(messages.c.seq)))
    flagged = set(conn.execute(sa.select(findings.c.message_id).where(
        findings.c.tenant == tenant, findings.c.conversation == conversation_id)).scalars())
    report = analyzer.analyze(_as_conversation(conversation_id, rows))
    money = [i.value for i in report.identifiers if i.kind == "payment_handle"]
    handles = [i.value for i in report.identifiers if i.kind in ("handle", "profile_url")]
    first = next((r.sent_at or r.received for r in rows if r.message_id in flagged),
                 state.created)
    tactics = sorted({str(f.tactic) for f in report.findings})
    annotations = ["sextortion"] if report.scheme in _SEXTORTION else []
    if "image_request" in tactics:
        annotations.append("csamSolicitation")
    suspect_info = []
    if money:
        suspect_info.append("Payment handles named in the conversation: " + ", ".join(money))
    if handles:
        suspect_info.append("Other accounts named: " + ", ".join(handles))
    extra = [f"Unsnare analysis: scheme {report.scheme}, stage {report.stage}, risk "
             f"{report.risk.level}; tactics: {', '.join(tactics) or 'none'}."]
    if request.file_hashes:
        extra.append("Files (uploaded separately), hashes: " + ", ".join(request.file_hashes))
    built = CyberTiplineReport(
        incidentSummary=IncidentSummary(
            incidentType=ONLINE_ENTICEMENT,
            reportAnnotations=annotations,
            escalateToHighPriority=(
                "The child wrote about harming themselves." if report.crisis else None),
            incidentDateTime=first if first.tzinfo else first.replace(tzinfo=UTC),
            incidentDateTimeDescription="The first message with a finding.",
        ),
        internetDetails=[ChatImIncident(
            chatClient=request.service,
            content=_excerpt(rows, flagged),
            additionalInfo=f"Conversation {conversation_id}: {len(rows)} messages; the "
                           "excerpt holds the messages with findings and the one before each.",
        )],
        reporter=Reporter(reportingPerson=request.reporter,
                          companyTemplate=request.company_template),
        personOrUserReported=PersonOrUserReported(
            espIdentifier=request.reported_account_id,
            espService=request.service,
            screenName=request.reported_sender,
            displayName=request.reported_display_names,
            additionalInfo="; ".join(suspect_info) or None,
        ),
        additionalInfo=" ".join(extra),
    )
    audit.record(conn, actor, "report.cybertip", conversation_id,
                 annotations=annotations, messages=len(rows))
    return built


def to_xml(report: CyberTiplineReport) -> str:
    """The report as XML with NCMEC's element names (no namespace: see the module note)."""

    def add(parent: ET.Element, name: str, value: Any) -> None:
        if value is None or value == []:
            return
        if isinstance(value, list):
            for item in value:
                add(parent, name, item)
            return
        node = ET.SubElement(parent, name)
        if isinstance(value, dict):
            for k, v in value.items():
                add(node, k, v)
        else:
            node.text = str(value)

    root = ET.Element("report")
    data = report.model_dump(mode="json")
    data["internetDetails"] = [{"chatImIncident": d} for d in data["internetDetails"]]
    for key, value in data.items():
        add(root, key, value)
    return ET.tostring(root, encoding="unicode")
