"""Get help now: the triage questions, then the plan as a checklist, with services."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unsnare.analysis.report import AnalysisReport
from unsnare.analysis.tactics import Tactic
from unsnare.errors import UsageError
from unsnare.response.directory import default_directory, services_for
from unsnare.response.plan import build_plan
from unsnare.response.triage import ASKERS, Triage
from unsnare.web import casefile, i18n
from unsnare.web.deps import FormSessionDep, SessionDep
from unsnare.web.render import page

router = APIRouter()

PLATFORMS = (
    "Instagram", "Snapchat", "TikTok", "WhatsApp", "Facebook", "Discord",
    "Telegram", "Kik", "Email",
)
DEMANDS = (
    ("money", "Money, gift cards or crypto"),
    ("images", "More pictures or videos"),
    ("acts", "Something else (to do something)"),
    ("none", "Nothing yet, or I am not sure"),
)


def countries() -> list[tuple[str, str]]:
    """(code, name) for every country with its own services, by name."""
    known = default_directory().countries
    return sorted(((c.code, c.name) for c in known.values()), key=lambda c: c[1])


def services(country: str, age: int | None, lang: str = i18n.DEFAULT) -> list[dict[str, Any]]:
    """Help services for the country and age, as plain dicts for the templates."""
    return [_service_dict(s.to_dict(), lang) for s in services_for(country, age)]


def _service_dict(s: dict[str, Any], lang: str = i18n.DEFAULT) -> dict[str, Any]:
    # Summary, hours and text note in the page's language; name, numbers and address exact.
    s = i18n.service_in(s, lang)
    return {
        "id": str(s.get("id") or ""), "name": s["name"], "phone": s.get("phone"),
        "text": s.get("text"), "url": s["url"],
        "description": s.get("summary") or "", "handles": tuple(s.get("handles") or ()),
        "hours": s.get("hours"),
    }


def crisis_services(all_services: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The services that answer a person in crisis or in danger."""
    return [s for s in all_services if {"crisis_support", "emergency"} & set(s["handles"])]


# The note at the top of the plan says it is not their fault; once is enough there
# (the paid-already branch keeps its own, about paying).
_SAID_ONCE = ("do_not_comply.not_your_fault", "grooming.not_your_fault")


def _steps(raw_steps: list[dict[str, Any]], lang: str = i18n.DEFAULT) -> list[dict[str, Any]]:
    # The plan already puts crisis help first when it is needed; keep its order.
    # The plan is kept in English; its sentences are translated here (i18n.plan_sentence).
    return [
        {
            "id": str(raw["id"]), "title": i18n.plan_sentence(str(raw["title"]), lang),
            "text": _step_text(raw, lang),
            "done": bool(raw.get("done")), "crisis": str(raw["id"]).split(".")[0] == "crisis",
            "substeps": _steps(list(raw.get("substeps") or []), lang),
            "service": _entry_of(raw),
        }
        for raw in raw_steps
        if str(raw["id"]) not in _SAID_ONCE
    ]


def _step_text(raw: dict[str, Any], lang: str) -> str:
    text = str(raw.get("text") or "")
    if lang == i18n.DEFAULT:
        return text
    if _entry_of(raw):
        # A service's own step: its summary and how to reach it, in this language.
        service = i18n.service_in(raw["services"][0], lang)
        if service.get("summary") != raw["services"][0].get("summary"):
            return f"{service['summary']} {i18n.contact_line(service, lang)}"
    step_id = str(raw["id"])
    if step_id.startswith("block_and_report."):
        # A platform's report guide, when it is translated.
        guide = i18n.platform_text(step_id.removeprefix("block_and_report."), lang)
        if guide:
            return guide
    return i18n.plan_sentence(text, lang)


def _entry_of(raw: dict[str, Any]) -> str:
    # A step that is one service's entry (its title is the service's name) repeats the
    # service in full; knowing which lets the page show it once and link back after.
    found = list(raw.get("services") or [])
    if len(found) == 1 and found[0].get("name") == raw.get("title"):
        return str(found[0].get("id") or "")
    return ""


def anchor(service_id: str) -> str:
    """The page anchor of a service's full entry."""
    return f"service-{service_id}"


def show_each_service_once(steps: list[dict[str, Any]], in_panel: set[str]) -> set[str]:
    """Mark repeated service steps as short links back; return the ids shown in full."""
    shown = set(in_panel)

    def visit(items: list[dict[str, Any]]) -> None:
        for step in items:
            service_id = step["service"]
            if service_id in shown:
                where = "crisis" if service_id in in_panel else "above"
                step["see"] = {"anchor": anchor(service_id), "where": where}
            elif service_id:
                shown.add(service_id)
                step["anchor"] = anchor(service_id)
            visit(step["substeps"])

    visit(steps)
    return shown


def _all_ids(steps: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for step in steps:
        out.append(step["id"])
        out.extend(_all_ids(step["substeps"]))
    return out




def prefill(report: AnalysisReport, platform: str) -> dict[str, Any]:
    """The answers an analysis gives to the triage form, and a plain list of them."""
    # Age and country are placeholders: a chat rarely says them, the person adds them.
    found = Triage.from_report(report, age=18, country="other")
    # They say they have pictures: the form's honest answer is "they say so".
    threatened = Tactic.THREAT_TO_EXPOSE in report.tactics()
    pictures = "not_sure" if found.sent_images or threatened else ""
    named = {p.lower(): p for p in PLATFORMS}
    chosen: list[str] = []
    other: list[str] = []
    for name in (platform, *found.platforms):
        if not name or name.lower() in ("text", "screenshot", "unknown", "email"):
            continue
        key = name.lower()
        if key in named and named[key] not in chosen:
            chosen.append(named[key])
        elif key not in named and name not in other:
            other.append(name)
    # What was filled in, as message ids (and values) for the page to say.
    said: list[tuple[str, dict[str, str]]] = []
    if found.demand in ("money", "images", "acts"):
        said.append((f"help.said_{found.demand}", {}))
    if pictures:
        said.append(("help.said_pictures", {}))
    if chosen or other:
        said.append(("help.said_where", {"where": ", ".join(chosen + other)}))
    if found.unsafe:
        said.append(("help.said_crisis", {}))
    if found.meeting:
        said.append(("help.said_meeting", {}))
    return {
        "demand": found.demand, "sent_images": pictures, "platforms": chosen,
        "other_platform": ", ".join(other), "unsafe": "yes" if found.unsafe else "",
        "meeting": "yes" if found.meeting else "", "said": said,
    }


@router.get("/help", response_class=HTMLResponse)
def triage_form(request: Request, session: SessionDep, report: str | None = None,
                asker: str = "self") -> HTMLResponse:
    """The triage questions (pre-filled from an analysis when `report` is given)."""
    analysis = session.reports.get(report or "")
    filled = prefill(analysis.analysis, analysis.platform) if analysis else None
    return page(
        request, "help.html",
        countries=countries(), platforms=PLATFORMS, demands=DEMANDS,
        report_id=report if analysis else "",
        analysis=analysis.report if analysis else None,
        filled=filled or {"demand": "", "sent_images": "", "platforms": [],
                          "other_platform": "", "unsafe": "", "meeting": "", "said": []},
        asker=asker if asker in ASKERS else "self", askers=ASKERS,
        crisis_services=[],
    )


@router.post("/help")
def make_plan(
    session: FormSessionDep,
    age: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    demand: Annotated[str, Form()] = "none",
    sent_images: Annotated[str, Form()] = "no",
    paid: Annotated[str, Form()] = "no",
    platforms: Annotated[list[str] | None, Form()] = None,
    other_platform: Annotated[str, Form()] = "",
    unsafe: Annotated[str, Form()] = "no",
    report_id: Annotated[str, Form()] = "",
    asker: Annotated[str, Form()] = "self",
    meeting: Annotated[str, Form()] = "no",
) -> RedirectResponse:
    """Build the plan from the answers and show it."""
    if not age.strip().isdigit():
        raise UsageError("Please give the age as a number, like 15.", field="age",
                         hint="Go back and enter the age of the person being targeted.")
    chosen = [p for p in (platforms or []) if p]
    if other_platform.strip():
        chosen.append(other_platform.strip())
    answers: dict[str, Any] = {
        "age": int(age.strip()),
        "country": country.strip(),
        "demand": demand,
        "sent_images": sent_images != "no",
        "paid": paid == "yes",
        "platforms": tuple(chosen),
        "unsafe": unsafe != "no",
        "asker": asker if asker in ASKERS else "self",
        "meeting": meeting == "yes",
    }
    analysis = session.reports.get(report_id)
    if analysis is not None:
        asked = Triage.from_report(analysis.analysis, **answers)
    else:
        asked = Triage(**answers)
    session.plan = build_plan(asked)
    casefile.save_plan(session)
    return RedirectResponse("/help/plan", status_code=303)


@router.get("/help/plan", response_class=HTMLResponse)
def show_plan(request: Request, session: SessionDep, saved: int = 0) -> Response:
    """The plan as a checklist, crisis help first when it is needed."""
    if session.plan is None:
        session.plan = casefile.load_plan(session)
    if session.plan is None:
        return RedirectResponse("/help", status_code=303)
    plan = session.plan.to_dict()
    triage = plan["triage"]
    lang = i18n.choose(request)[0]
    steps = _steps(plan["steps"], lang)
    found = services(triage["country"], triage["age"], lang)
    crisis_step = next((s for s in plan["steps"] if s["id"] == "crisis"), None)
    crisis_list = ([_service_dict(s, lang) for s in crisis_step["services"]]
                   if crisis_step else [])
    crisis = bool(triage.get("unsafe")) or crisis_step is not None
    # Each service in full once: crisis lines at the top, later steps link back to them,
    # and the closing list keeps only the services not shown yet.
    panel = (crisis_list or crisis_services(found)) if crisis else []
    for s in panel:
        s["anchor"] = anchor(s["id"])
    shown = show_each_service_once(steps, {s["id"] for s in panel})
    rest = [s for s in found if s["id"] not in shown]
    for s in rest:
        s["anchor"] = anchor(s["id"])
    message = ""
    if saved:
        message = "flash.plan_saved_case" if session.unlocked else "flash.plan_saved"
    return page(
        request, "plan.html",
        steps=steps, triage=triage, country=plan.get("country"),
        notes=[i18n.plan_sentence(n, lang) for n in plan.get("notes", [])],
        services=rest,
        repeats=any(s["id"] in shown for s in found),
        crisis=crisis, crisis_services=panel, status_message=message,
    )


@router.post("/help/plan")
def tick_plan(
    session: FormSessionDep,
    done: Annotated[list[str] | None, Form()] = None,
) -> RedirectResponse:
    """Save which steps are ticked (to the case too, when one is open)."""
    if session.plan is None:
        return RedirectResponse("/help", status_code=303)
    ticked = set(done or [])
    current = session.plan
    for step_id in current.ids():
        current = current.tick(step_id, step_id in ticked)
    session.plan = current
    casefile.save_plan(session)
    return RedirectResponse("/help/plan?saved=1", status_code=303)
