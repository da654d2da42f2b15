"""The warning-signs self-check: a few yes/no questions that map to tactics and lead to the plan.

Each question names the tactic it looks for, so the result can explain itself
("they asked to move to another app: offenders do this to get away from
moderation"). The answers also pre-fill the plan's triage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from unsnare.errors import UsageError


@dataclass(frozen=True)
class Question:
    """One yes/no question, the tactic it maps to, and what a yes means."""

    id: str
    text: str
    tactic: str
    explanation: str
    weight: int = 1


QUESTIONS: tuple[Question, ...] = (
    Question("fast_intimacy",
             "Did someone you met online move quickly to flirting, compliments or sex talk?",
             "grooming", "They moved fast to flattery or sexual talk: a common way to build "
             "false trust."),
    Question("fake_identity",
             "Did their photos, age or story seem too good to be true, or not add up?",
             "false_identity", "Their profile may be fake: offenders often use stolen or made-up "
             "photos."),
    Question("switch_app",
             "Did they ask you to move to another app (Snapchat, WhatsApp, Telegram...)?",
             "platform_switch", "They asked to move apps: this gets them away from the first "
             "app's safety checks."),
    Question("image_request",
             "Did they ask for nude or sexual photos, or a video call with you undressed?",
             "image_request", "They asked for sexual images or a video call: this is how most "
             "sextortion starts.", weight=2),
    Question("threat",
             "Are they threatening to share photos or video of you with friends, family, school "
             "or followers?", "blackmail_threat", "They are threatening to share images: this "
             "is blackmail, and a crime.", weight=3),
    Question("contacts_shown",
             "Did they show you a list of your friends, followers, family or your school?",
             "leverage", "They showed your contacts to scare you: it is a pressure tactic."),
    Question("money_demand",
             "Are they asking for money, gift cards or crypto?", "payment_demand",
             "They want money: this is financial sextortion.", weight=3),
    Question("more_demand",
             "Are they asking for more photos, videos or sexual acts to make it stop?",
             "escalating_demands", "They want more images or acts: demands like this usually "
             "grow.", weight=3),
    Question("deadline",
             "Are they rushing you with a deadline or a countdown?", "urgency",
             "They set a deadline: rushing you is meant to stop you from thinking or asking "
             "for help."),
    Question("hacked_claim",
             "Do they claim they hacked your phone or camera, or recorded you?", "hacking_claim",
             "They claim to have hacked or recorded you: often a bluff sent to many people, "
             "sometimes true for video calls."),
    Question("sent_images",
             "Did you send any images or video to them?", "sent_images",
             "You sent images: that is not your fault, and there are ways to get them "
             "removed.", weight=0),
    Question("paid",
             "Have you already paid them anything?", "paid",
             "You already paid: your payment provider may be able to help, and paying again "
             "won't end it.", weight=0),
    Question("unsafe",
             "Do you feel unsafe right now, or are you thinking about hurting yourself?",
             "crisis", "You feel unsafe: please talk to someone now. You matter more than any "
             "photo.", weight=0),
)

_BY_ID = {q.id: q for q in QUESTIONS}


@dataclass(frozen=True)
class SelfCheckResult:
    """What the answers show, in plain words, and the triage hints for the plan."""

    signs: tuple[Question, ...]
    level: str
    summary: str
    next_step: str
    demand: str
    sent_images: bool
    paid: bool
    unsafe: bool

    def triage_hints(self) -> dict[str, Any]:
        """Keyword arguments for `Triage` (add age and country)."""
        return {"demand": self.demand, "sent_images": self.sent_images, "paid": self.paid,
                "unsafe": self.unsafe}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "level": self.level,
            "summary": self.summary,
            "next_step": self.next_step,
            "signs": [{"id": q.id, "tactic": q.tactic, "explanation": q.explanation}
                      for q in self.signs],
            "triage": self.triage_hints(),
        }


def plan_command(demand: str, sent_images: bool, paid: bool, unsafe: bool) -> str:
    """The `unsnare plan` command line that matches these answers (age and country to fill)."""
    parts = ["unsnare plan --age N --country XX"]
    if demand != "none":
        parts.append(f"--demand {demand}")
    if sent_images:
        parts.append("--sent-images")
    if paid:
        parts.append("--paid")
    if unsafe:
        parts.append("--unsafe")
    return " ".join(parts)


def evaluate(answers: Mapping[str, bool]) -> SelfCheckResult:
    """Turn yes/no answers (by question id; missing means no) into a result."""
    unknown = sorted(set(answers) - set(_BY_ID))
    if unknown:
        raise UsageError(f"unknown self-check question {unknown[0]!r}", field="answers",
                         hint="use: " + ", ".join(_BY_ID))
    yes = [q for q in QUESTIONS if answers.get(q.id)]
    score = sum(q.weight for q in yes)
    threatened = any(q.id in ("threat", "money_demand", "more_demand") for q in yes)
    if threatened:
        level = "sextortion"
        summary = ("This looks like sextortion. It is a crime, it is not your fault, and "
                   "there is a clear way through it.")
    elif score >= 3:
        level = "warning_signs"
        summary = ("There are warning signs of grooming or a set-up for sextortion. Trust "
                   "your instinct: you can stop now and still get help.")
    else:
        level = "few_signs"
        summary = ("We did not see clear signs of sextortion in your answers. If something "
                   "still feels wrong, it is fine to stop talking to them and ask for help.")
    demand = "none"
    if answers.get("money_demand"):
        demand = "money"
    elif answers.get("more_demand") or answers.get("image_request"):
        demand = "images"
    unsafe = bool(answers.get("unsafe"))
    command = plan_command(demand, bool(answers.get("sent_images")), bool(answers.get("paid")),
                           unsafe)
    if unsafe:
        summary = "First, your safety: please talk to someone right now. " + summary
        next_step = ("Please talk to someone now: run `unsnare help --country XX` for a crisis "
                     f"line, or call your emergency number. Then run `{command}`.")
    else:
        next_step = f"Next, get your step-by-step plan: run `{command}`."
    return SelfCheckResult(
        signs=tuple(q for q in yes if q.id not in ("sent_images", "paid")),
        level=level,
        summary=summary,
        next_step=next_step,
        demand=demand,
        sent_images=bool(answers.get("sent_images")),
        paid=bool(answers.get("paid")),
        unsafe=unsafe,
    )
