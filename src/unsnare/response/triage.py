"""The short triage behind a response plan: who is targeted, where, and what happened.

A triage can be filled by hand (the CLI or web form), from an analysis report
(`Triage.from_report`) or from a report read from a JSON file (`Triage.from_analysis`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from unsnare.analysis.report import AnalysisReport, needs_crisis_help
from unsnare.analysis.tactics import Tactic
from unsnare.errors import InputError, UsageError
from unsnare.response.platforms import fold_name

DEMANDS = ("money", "images", "acts", "none")
# Who is answering: the person targeted, their parent or carer, or someone helping them.
ASKERS = ("self", "parent", "helper")
# A triage note (from an analysis) that the offender threatened to out the person.
OUTING_THREAT = "outing_threat"
MIN_AGE = 5
MAX_AGE = 120
ADULT_AGE = 18

# Schemes an analysis report can name; the ones where the offender claims to
# hold an image imply that an image may exist, so image removal is offered.
SCHEMES = (
    "financial_sextortion",
    "image_sextortion",
    "mass_email_sextortion",
    "grooming",
    "none",
)
_SCHEME_DEMAND = {"financial_sextortion": "money", "image_sextortion": "images"}
_TACTIC_DEMAND = {"payment_demand": "money", "image_request": "images", "meeting": "acts"}
# Identifiers on payment services say where money goes, not where to report the chat.
# Identifier kinds that only appear when someone says where to send money.
_PAYMENT_KINDS = frozenset({"payment_handle", "crypto_address", "gift_card", "gift_card_code",
                            "amount"})
_PAYMENT_PLATFORMS = frozenset({"paypal", "cashapp", "venmo", "zelle", "revolut", "wise",
                                "bitcoin", "ethereum", "tron", "crypto"})


@dataclass(frozen=True)
class Triage:
    """Answers that shape the plan: age, country, demand and what already happened."""

    age: int
    country: str
    demand: str = "none"
    sent_images: bool = False
    paid: bool = False
    platforms: tuple[str, ...] = ()
    unsafe: bool = False
    scheme: str = "none"
    notes: tuple[str, ...] = field(default=())
    asker: str = "self"
    # They asked to meet in person (a grooming step that makes reporting urgent).
    meeting: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.age, bool) or not isinstance(self.age, int):
            raise UsageError(
                f"the age must be a whole number, not {self.age!r}",
                field="age",
                hint=f"give the age of the person being targeted, {MIN_AGE} to {MAX_AGE}",
            )
        if not MIN_AGE <= self.age <= MAX_AGE:
            raise UsageError(
                f"an age of {self.age} is not possible here",
                field="age",
                hint=f"give the age of the person being targeted, {MIN_AGE} to {MAX_AGE}",
            )
        if not isinstance(self.country, str) or not self.country.strip():
            raise UsageError(
                "the country is missing",
                field="country",
                hint="give a two-letter country code such as US, GB, CA, AU or IN",
            )
        if self.demand not in DEMANDS:
            raise UsageError(
                f"unknown demand {self.demand!r}",
                field="demand",
                hint="choose one of: " + ", ".join(DEMANDS),
            )
        if self.asker not in ASKERS:
            raise UsageError(
                f"unknown asker {self.asker!r}",
                field="asker",
                hint="choose one of: " + ", ".join(ASKERS),
            )
        if self.scheme not in SCHEMES:
            raise UsageError(
                f"unknown scheme {self.scheme!r}",
                field="scheme",
                hint="choose one of: " + ", ".join(SCHEMES),
            )
        # A single name passed as a string is one platform, not a list of letters.
        given = (self.platforms,) if isinstance(self.platforms, str) else self.platforms
        cleaned = tuple(dict.fromkeys(fold_name(p) for p in given if str(p).strip()))
        object.__setattr__(self, "platforms", cleaned)
        object.__setattr__(self, "country", self.country.strip())

    @property
    def is_grooming(self) -> bool:
        """True for grooming with no money demand or payment: the plan is about grooming.

        A groomer asking for a picture is still grooming (the analysis names the
        scheme); a proposed meeting with nothing demanded is too.
        """
        if self.paid or self.demand == "money":
            return False
        return self.scheme == "grooming" or (self.meeting and self.demand == "none")

    @property
    def is_minor(self) -> bool:
        """True when the person targeted is under 18."""
        return self.age < ADULT_AGE

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the answers."""
        return {
            "age": self.age,
            "country": self.country,
            "demand": self.demand,
            "sent_images": self.sent_images,
            "paid": self.paid,
            "platforms": list(self.platforms),
            "unsafe": self.unsafe,
            "scheme": self.scheme,
            "notes": list(self.notes),
            "asker": self.asker,
            "meeting": self.meeting,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Triage:
        """Rebuild a triage saved with `to_dict`."""
        try:
            return cls(
                age=data["age"],
                country=data["country"],
                demand=data.get("demand", "none"),
                sent_images=bool(data.get("sent_images", False)),
                paid=bool(data.get("paid", False)),
                platforms=tuple(data.get("platforms", ())),
                unsafe=bool(data.get("unsafe", False)),
                scheme=data.get("scheme", "none"),
                notes=tuple(data.get("notes", ())),
                asker=data.get("asker", "self"),
                meeting=bool(data.get("meeting", False)),
            )
        except KeyError as exc:
            raise InputError(
                f"the saved triage has no {exc.args[0]!r}",
                field=str(exc.args[0]),
                hint="save the plan again from Unsnare",
            ) from None

    @classmethod
    def from_report(cls, report: AnalysisReport, **overrides: Any) -> Triage:
        """Fill a triage from an analysis report; keyword overrides win.

        A conversation rarely says the age or country, so pass `age=` and `country=`.
        """
        meeting = any(
            f.tactic == Tactic.GROOMING and f.get("kind") == "meeting" for f in report.findings
        )
        facts = _ReportFacts(
            scheme=str(report.scheme),
            tactics=frozenset(str(t) for t in report.tactics()),
            identifiers=tuple((i.kind, i.platform) for i in report.identifiers),
            meeting=meeting,
            unsafe=report.needs_crisis_help(),
        )
        return cls._from_facts(facts, None, None, overrides)

    @classmethod
    def from_analysis(cls, report: Mapping[str, Any], **overrides: Any) -> Triage:
        """Fill a triage from an analysis report read from a file; keyword overrides win.

        The file is foreign data (`unsnare analyze --json` wrote it, or a person
        did), so every part is optional. It needs no age or country, so pass
        `age=` and `country=` unless the report carries them.
        """
        if not isinstance(report, Mapping):
            raise InputError(
                "the analysis report is not a JSON object",
                hint="pass the file written by `unsnare analyze --json`",
            )
        findings = _list_of_mappings(report.get("findings"))
        tactics = frozenset(
            str(f.get("tactic")) for f in findings if f.get("tactic") is not None
        )
        meeting = any(
            str(f.get("tactic")) == "grooming"
            and isinstance(f.get("detail"), Mapping) and f["detail"].get("kind") == "meeting"
            for f in findings
        )
        facts = _ReportFacts(
            scheme=str(report.get("scheme") or "none"),
            tactics=tactics,
            identifiers=tuple(
                (str(i.get("kind")), str(i["platform"]) if i.get("platform") else None)
                for i in _list_of_mappings(report.get("identifiers"))
            ),
            meeting=meeting,
            unsafe=needs_crisis_help(bool(report.get("crisis", False)), tactics),
        )
        return cls._from_facts(facts, report.get("age"), report.get("country"), overrides)

    @classmethod
    def _from_facts(cls, facts: _ReportFacts, age: object, country: object,
                    overrides: Mapping[str, Any]) -> Triage:
        scheme = facts.scheme if facts.scheme in SCHEMES else "none"
        tactics = facts.tactics
        demand = _SCHEME_DEMAND.get(scheme, "none")
        for tactic, tactic_demand in _TACTIC_DEMAND.items():
            # Money outranks images and acts: a payment demand is the more urgent branch.
            if tactic in tactics and (demand == "none" or tactic_demand == "money"):
                demand = tactic_demand
        if any(kind in _PAYMENT_KINDS for kind, _ in facts.identifiers):
            demand = "money"
        platforms = tuple(
            platform for kind, platform in facts.identifiers
            if platform
            and kind not in _PAYMENT_KINDS
            and platform.lower() not in _PAYMENT_PLATFORMS
        )
        notes: list[str] = []
        if "outing_threat" in tactics:
            notes.append(OUTING_THREAT)
        # The offender claims to hold an image in these schemes, so offer removal.
        sent_images = scheme in ("financial_sextortion", "image_sextortion")
        if sent_images:
            notes.append("sent_images inferred from the analysis scheme")
        values: dict[str, Any] = {
            "age": age,
            "country": country,
            "demand": demand,
            "sent_images": sent_images,
            "paid": False,
            "platforms": platforms,
            "unsafe": facts.unsafe,
            "scheme": scheme,
            "asker": "self",
            "meeting": facts.meeting,
        }
        for key, value in overrides.items():
            if key not in values:
                raise UsageError(
                    f"unknown triage field {key!r}",
                    field=key,
                    hint="use: " + ", ".join(sorted(values)),
                )
            if value is None:
                continue
            if key == "unsafe":
                # A crisis flag from the analysis is never switched off by a default.
                value = bool(value) or values["unsafe"]
            if key in ("sent_images", "meeting"):
                value = bool(value) or values[key]
            if key == "demand" and value == "none":
                continue
            if key == "platforms":
                value = tuple(values["platforms"]) + tuple(value)
            values[key] = value
        if values["age"] is None:
            raise UsageError("the age is needed", field="age", hint="pass --age")
        if values["country"] is None:
            raise UsageError("the country is needed", field="country", hint="pass --country")
        return cls(notes=tuple(notes), **values)


@dataclass(frozen=True)
class _ReportFacts:
    """What an analysis report says that shapes a triage, however it was read."""

    scheme: str
    tactics: frozenset[str]
    # (kind, platform) of each identifier.
    identifiers: tuple[tuple[str, str | None], ...]
    meeting: bool
    unsafe: bool


def _list_of_mappings(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, Iterable) or isinstance(value, str | bytes | Mapping):
        return []
    return [v for v in value if isinstance(v, Mapping)]
