"""The plan for grooming (an adult building trust with a young person, no money demand).

Grooming is not blackmail yet, so "don't pay" is the wrong first step. The
words depend on who reads them: a parent or carer gets the parent's plan
(stay calm, don't confront the account, keep the evidence, report when a
meeting is proposed); the young person gets the same steps in words for them.
"""

from __future__ import annotations

from unsnare.response.plan import Step
from unsnare.response.steps import Context

NOT_YOUR_FAULT_PARENT = (
    "This is not your child's fault, and it is not yours. Groomers are skilled at gaining "
    "a young person's trust and at keeping it secret. Your calm support now is what helps most."
)
NOT_YOUR_FAULT_CHILD = (
    "This is not your fault. An adult who builds a secret friendship with a young person "
    "is the one doing wrong. Telling someone is the right thing to do."
)


def _report_now(ctx: Context, parent: bool) -> Step:
    reporting = tuple(ctx.pick(("reporting",)))
    names = ", ".join(s.name for s in reporting) or "the police"
    who = "your child" if parent else "you"
    urgency = ("They have asked to meet. Report it today, before the day they named. "
               if ctx.triage.meeting else
               "If they ask to meet, or have already, report it at once. ")
    return Step(
        "grooming.report_meeting", "Report a request to meet in person",
        urgency + f"Report to {names}. If a meeting is close or {who} may already be on "
        f"the way, call {ctx.emergency()} now. "
        + ("Do not go to the meeting yourself to catch them; let the police do that."
           if parent else "Never go to meet them, even with a friend."),
        services=reporting,
    )


def grooming(ctx: Context) -> Step:
    """What grooming is and what to do, for a parent or for the young person."""
    parent = ctx.triage.asker in ("parent", "helper")
    if parent:
        subs = [
            Step("grooming.stay_calm", "Stay calm and listen",
                 "Your child is not in trouble. Thank them for telling you, or for letting you "
                 "see. Don't take the phone away as a punishment: staying calm makes it more "
                 "likely they tell you everything, now and next time."),
            Step("grooming.dont_confront", "Don't confront the account",
                 "Don't message, threaten or try to trap the person, and don't reply as your "
                 "child. It can warn them, make them delete evidence, or push them to move on "
                 "to another child."),
            Step("grooming.keep_evidence", "Keep the evidence",
                 "Keep the chat, their username and profile link, and the dates. Don't delete "
                 "the app or the account yet. Never screenshot, save or forward a sexual "
                 "picture of a child, even as evidence; tell the police it is there instead."),
            _report_now(ctx, parent),
            Step("grooming.talk_after", "Talk about it, more than once",
                 "Explain that an adult who asks for secrets, pictures or a meeting is not a "
                 "real friend, whatever they said. Agree who your child can tell if it "
                 "happens again."),
        ]
        title = "What is happening: grooming"
        text = ("Someone is building a close, secret friendship with your child to take "
                "advantage of them. Signs are flattery, asking for secrets or pictures, and "
                "asking to meet alone. Nothing has been demanded yet, so this is the time "
                "to act.")
    else:
        subs = [
            Step("grooming.dont_meet", "Don't meet them, and don't send pictures",
                 "Even if they seem kind or say they are your age. Someone who asks you to "
                 "keep secrets, send pictures or meet alone is not a real friend."),
            Step("grooming.tell_adult", "Tell an adult you trust today",
                 "A parent, carer, teacher or coach. You will not be in trouble, and they can "
                 "help you report it."),
            Step("grooming.keep_evidence", "Keep the chat",
                 "Don't delete it yet. Take screenshots of their messages and profile, words "
                 "only."),
            _report_now(ctx, parent),
        ]
        title = "What is happening: grooming"
        text = ("Someone is building a close, secret friendship with you to take advantage "
                "of you. Asking for secrets, pictures or to meet alone are warning signs.")
    subs.append(Step("grooming.not_your_fault", "Whose fault it is",
                     NOT_YOUR_FAULT_PARENT if parent else NOT_YOUR_FAULT_CHILD))
    return Step(id="grooming", title=title, text=text, substeps=tuple(subs))
