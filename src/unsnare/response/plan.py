"""The personal response plan: an ordered checklist with stable ids that can be ticked.

`build_plan(triage)` puts crisis help first when needed, then the four
immediate steps (do not comply, preserve evidence, block and report, official
help), then support. The plan's state round-trips through `to_dict` and
`from_dict` so a case store can save it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from unsnare.errors import InputError, UsageError
from unsnare.response.directory import Country, Directory, Service, default_directory
from unsnare.response.platforms import PlatformCatalogue, default_platforms
from unsnare.response.triage import Triage

PLAN_FORMAT = 1
STEP_IDS = (
    "crisis",
    "do_not_comply",
    "preserve_evidence",
    "block_and_report",
    "official_help",
    "support",
)


@dataclass(frozen=True)
class Step:
    """One checklist item: a stable id, a short title, plain text and services."""

    id: str
    title: str
    text: str
    services: tuple[Service, ...] = ()
    substeps: tuple[Step, ...] = ()
    done: bool = False

    def walk(self) -> Iterator[Step]:
        """This step and every sub-step, depth first."""
        yield self
        for sub in self.substeps:
            yield from sub.walk()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with the services it points to in full."""
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "done": self.done,
            "services": [s.to_dict() for s in self.services],
            "substeps": [s.to_dict() for s in self.substeps],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        """Rebuild a step saved with `to_dict`."""
        if not isinstance(data, Mapping):
            raise InputError("a saved step must be a JSON object", field="steps",
                             hint="save the plan again from Unsnare")
        for key in ("services", "substeps"):
            if not isinstance(data.get(key, []), list):
                raise InputError(f"a saved step's {key!r} must be a list", field=key)
        try:
            sid = str(data["id"])
            return cls(
                id=sid,
                title=str(data["title"]),
                text=str(data["text"]),
                services=tuple(Service.from_dict(s, where=f"step {sid}")
                               for s in data.get("services", ())),
                substeps=tuple(cls.from_dict(s) for s in data.get("substeps", ())),
                done=bool(data.get("done", False)),
            )
        except KeyError as exc:
            raise InputError(f"a saved step has no {exc.args[0]!r}", field=str(exc.args[0]),
                             hint="save the plan again from Unsnare") from None

    def _ticked(self, step_id: str, done: bool) -> tuple[Step, bool]:
        if self.id == step_id:
            return replace(self, done=done), True
        found = False
        subs: list[Step] = []
        for sub in self.substeps:
            new, hit = sub._ticked(step_id, done)
            found = found or hit
            subs.append(new)
        return (replace(self, substeps=tuple(subs)) if found else self), found


@dataclass(frozen=True)
class Plan:
    """The ordered checklist for one person, plus where it came from."""

    triage: Triage
    steps: tuple[Step, ...]
    country: Country | None
    fallback: bool
    notes: tuple[str, ...] = field(default=())

    def walk(self) -> Iterator[Step]:
        """Every step and sub-step in order."""
        for step in self.steps:
            yield from step.walk()

    def ids(self) -> list[str]:
        """All step ids in order (top-level and sub-steps)."""
        return [s.id for s in self.walk()]

    def step(self, step_id: str) -> Step:
        """The step with this id; a UsageError naming it when there is none."""
        for s in self.walk():
            if s.id == step_id:
                return s
        raise UsageError(f"this plan has no step {step_id!r}", field="step",
                         hint="use one of: " + ", ".join(self.ids()))

    def tick(self, step_id: str, done: bool = True) -> Plan:
        """A copy of the plan with one step marked done (or not done)."""
        self.step(step_id)
        steps = tuple(s._ticked(step_id, done)[0] for s in self.steps)
        return replace(self, steps=steps)

    def services(self) -> list[Service]:
        """Every service the plan points to, once each, in order of appearance."""
        seen: dict[str, Service] = {}
        for s in self.walk():
            for svc in s.services:
                seen.setdefault(svc.id, svc)
        return list(seen.values())

    def all_text(self) -> str:
        """Every word the plan shows, for review and for safety tests."""
        parts = list(self.notes)
        for s in self.walk():
            parts.extend((s.title, s.text))
            parts.extend(f"{v.name}. {v.summary}" for v in s.services)
        return "\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict holding the triage, the steps and their ticked state."""
        country = None
        if self.country is not None:
            country = {"code": self.country.code, "name": self.country.name,
                       "emergency": self.country.emergency}
        return {
            "format": PLAN_FORMAT,
            "triage": self.triage.to_dict(),
            "country": country,
            "fallback": self.fallback,
            "notes": list(self.notes),
            "steps": [s.to_dict() for s in self.steps],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any],
                  directory: Directory | None = None) -> Plan:
        """Rebuild a saved plan, ticks included; errors name the missing field."""
        if not isinstance(data, Mapping):
            raise InputError("a saved plan must be a JSON object")
        if data.get("format") != PLAN_FORMAT:
            raise InputError(f"unknown plan format {data.get('format')!r}", field="format",
                             hint=f"this version of Unsnare reads format {PLAN_FORMAT}")
        for key in ("triage", "steps"):
            if key not in data:
                raise InputError(f"the saved plan has no {key!r}", field=key)
        if not isinstance(data["triage"], Mapping) or not isinstance(data["steps"], list):
            raise InputError("the saved plan's triage or steps have the wrong shape",
                             field="steps", hint="save the plan again from Unsnare")
        directory = directory or default_directory()
        country_data = data.get("country")
        code = country_data.get("code") if isinstance(country_data, Mapping) else None
        country = directory.resolve(str(code)) if code else None
        return cls(
            triage=Triage.from_dict(data["triage"]),
            steps=tuple(Step.from_dict(s) for s in data["steps"]),
            country=country,
            fallback=bool(data.get("fallback", country is None)),
            notes=tuple(str(n) for n in data.get("notes", ())),
        )


def build_plan(triage: Triage, directory: Directory | None = None,
               platforms: PlatformCatalogue | None = None) -> Plan:
    """The ordered plan for this triage: crisis first when unsafe, then the steps."""
    from unsnare.response import steps as build

    directory = directory or default_directory()
    platforms = platforms or default_platforms()
    lookup = directory.lookup(triage.country, triage.age)
    ctx = build.Context(triage=triage, lookup=lookup, platforms=platforms)
    ordered: list[Step] = []
    if triage.unsafe:
        ordered.append(build.crisis(ctx))
    if triage.is_grooming:
        # Grooming with nothing demanded: name it, and no "don't pay".
        from unsnare.response.grooming import NOT_YOUR_FAULT_CHILD, NOT_YOUR_FAULT_PARENT
        from unsnare.response.grooming import grooming as first
        for_parent = triage.asker in ("parent", "helper")
        note = NOT_YOUR_FAULT_PARENT if for_parent else NOT_YOUR_FAULT_CHILD
    else:
        first, note = build.do_not_comply, build.NOT_YOUR_FAULT
    ordered.extend((first(ctx), build.preserve_evidence(ctx),
                    build.block_and_report(ctx), build.official_help(ctx), build.support(ctx)))
    notes = [note]
    fallback_note = lookup.note()
    if fallback_note:
        notes.insert(0, fallback_note)
    return Plan(triage=triage, steps=tuple(ordered), country=lookup.country,
                fallback=lookup.fallback, notes=tuple(notes))
