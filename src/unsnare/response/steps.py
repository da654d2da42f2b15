"""The words of each plan step, chosen by age, country and what already happened.

Every sentence here may be read by a frightened 14-year-old: short, plain,
no blame, the next action first. For anyone under 18 no sentence may advise
saving, screenshotting or sending an explicit image (a test scans for it).
"""

from __future__ import annotations

from dataclasses import dataclass

from unsnare.response.directory import Lookup, Service
from unsnare.response.plan import Step
from unsnare.response.platforms import PlatformCatalogue
from unsnare.response.triage import OUTING_THREAT, Triage

NOT_YOUR_FAULT = (
    "This is not your fault. The person threatening you is committing a crime. "
    "Being tricked or pressured is not a crime, and help is available."
)
_REPORTING = ("reporting",)
_REMOVAL = ("image_removal",)
_SUPPORT = ("crisis_support", "emotional_support")


@dataclass(frozen=True)
class Context:
    """What every step builder needs: the answers, the services and the platforms."""

    triage: Triage
    lookup: Lookup
    platforms: PlatformCatalogue

    @property
    def minor(self) -> bool:
        """True when the person targeted is under 18."""
        return self.triage.is_minor

    def pick(self, handles: tuple[str, ...], *, with_international: bool = False
             ) -> list[Service]:
        """Services with any of these handles: national first, international if none.

        `with_international` adds the international ones anyway (Take It Down
        and StopNCII work in every country, even where a national service exists).
        """
        chosen = [s for s in self.lookup.services if any(h in s.handles for h in handles)]
        national = [s for s in chosen if not s.international]
        international = [s for s in chosen if s.international]
        if with_international or not national:
            return national + international
        return national

    def emergency(self) -> str:
        """The emergency number, or a plain phrase when the country is unknown."""
        if self.lookup.country is not None:
            return self.lookup.country.emergency
        return "your local emergency number"


def contact_line(service: Service) -> str:
    """A one-line "how to reach them" for a service."""
    parts = []
    if service.phone:
        parts.append(f"call {service.phone}")
    if service.text:
        parts.append(f"text {service.text}")
    parts.append(f"go to {service.url}")
    line = ", ".join(parts)
    if service.hours:
        line += f" ({service.hours})"
    return line[0].upper() + line[1:] + "."


def _service_step(prefix: str, service: Service) -> Step:
    return Step(
        id=f"{prefix}.{service.id}",
        title=service.name,
        text=f"{service.summary} {contact_line(service)}",
        services=(service,),
    )


def crisis(ctx: Context) -> Step:
    """Crisis help first: a crisis line and the emergency number."""
    lines = ctx.pick(("crisis_support",))
    subs = [
        Step("crisis.emergency", "If you are in danger right now",
             f"Call {ctx.emergency()} now. You will not be in trouble for calling."),
        *(_service_step("crisis", s) for s in lines),
        Step("crisis.tell_someone", "Don't stay alone with this",
             "Tell someone you trust right now, and ask them to stay with you. "
             + ("A parent, carer, teacher or coach will want to help you." if ctx.minor
                else "A friend, family member or anyone close will want to help you.")),
    ]
    return Step(
        id="crisis",
        title="You matter more than any photo",
        text=("If you are thinking about hurting yourself, please talk to someone now. "
              "This feels huge, but it can be fixed, and people get through it."),
        services=tuple(lines),
        substeps=tuple(subs),
    )


def do_not_comply(ctx: Context) -> Step:
    """Do not pay and do not send more; the paid-already branch when money went."""
    t = ctx.triage
    subs = [
        Step("do_not_comply.dont_pay", "Don't pay",
             "Paying rarely makes it stop. Most people who pay are asked for more."),
        Step("do_not_comply.dont_send_more", "Don't send anything more",
             "Don't send more photos or videos, and don't do anything on camera that they ask."),
        Step("do_not_comply.stop_replying", "Stop replying",
             "You don't have to explain, argue or bargain. After you have saved the evidence "
             "below, stop answering them."),
    ]
    if t.demand == "acts":
        subs.append(Step(
            "do_not_comply.no_acts", "Don't do what they ask",
            "Don't do any sexual act they ask for, on camera or in person, and never go to "
            "meet them. " + ("Tell a trusted adult at once." if ctx.minor
                             else "If they know where you are, tell the police.")))
    if not t.sent_images and t.demand in ("images", "money") and not t.paid:
        subs.append(Step(
            "do_not_comply.nothing_sent", "If you haven't sent anything, you don't have to",
            "If they say they already have pictures of you, they may be bluffing, or the "
            "pictures may be fakes made from ordinary photos. Either way the steps are the same."))
    if t.scheme == "mass_email_sextortion":
        subs.append(Step(
            "do_not_comply.mass_email", "This kind of email is usually a bluff",
            "Emails like this are sent to thousands of people at once. The sender usually "
            "has no images at all. Don't reply and don't pay."))
    if t.paid:
        money = ctx.pick(("financial",))
        subs.extend([
            Step("do_not_comply.paid.contact_provider", "Call your payment provider now",
                 "Contact the bank, card, payment app, gift-card company or crypto exchange "
                 "you used. Say it was blackmail, ask them to stop or dispute the payment, "
                 "and ask them to freeze the account you paid. The sooner, the better."
                 + (" Ask a parent or trusted adult to help you with this." if ctx.minor
                    else ""),
                 services=tuple(money)),
            Step("do_not_comply.paid.report_recipient", "Report the account you paid",
                 "Report the receiving account, username or wallet to the payment provider, and "
                 "keep receipts, account names, numbers and wallet addresses for the police."),
            Step("do_not_comply.paid.dont_pay_again", "Don't pay again",
                 "Even if they promise it is the last time. Paying once usually leads to "
                 "bigger demands."),
            Step("do_not_comply.paid.not_your_fault", "Paying was not your fault",
                 "Paying was a normal reaction to fear. It is not your fault, you are not in "
                 "trouble for it, and you can still get help now."),
        ])
    subs.append(Step("do_not_comply.not_your_fault", "This is not your fault", NOT_YOUR_FAULT))
    return Step(
        id="do_not_comply",
        title="Don't pay and don't send more",
        text="Giving them what they want does not make them stop. It tells them you will pay.",
        substeps=tuple(subs),
    )


def preserve_evidence(ctx: Context) -> Step:
    """What to capture, in which order, before blocking; never an image of a minor."""
    if ctx.minor:
        threats = ("Take screenshots of their messages: the threats, what they demand and "
                   "any deadline, with the date and time showing. Capture words only: if a "
                   "nude picture is in the chat, scroll so it is not on the screen.")
    else:
        threats = ("Take screenshots of the threats, what they demand and any deadline, with "
                   "the date and time showing.")
    subs = [
        Step("preserve_evidence.dont_delete", "Don't delete anything yet",
             "Keep the chat and your account for now, and don't block them until the steps "
             "below are done. Deleting can destroy the evidence police need."),
        Step("preserve_evidence.threats", "1. The threats and demands", threats),
        Step("preserve_evidence.identity", "2. Who they are",
             "Save their username, display name, profile link (URL), user ID, phone number or "
             "email. Screenshot their profile page too."),
        Step("preserve_evidence.payment", "3. Payment details",
             "Save what they asked for and where to send it: account names, numbers, payment "
             "links, crypto wallet addresses, gift-card codes and any receipts."),
        Step("preserve_evidence.dates", "4. Dates and times",
             "Write down when it started, the app it started on, and when each threat came."),
        Step("preserve_evidence.export", "5. Export the chat if you can",
             "Some apps can export a chat (WhatsApp, Telegram, Facebook and Instagram "
             "downloads). Unsnare can keep it, locked, in your private evidence store."),
    ]
    removal = ctx.pick(_REMOVAL, with_international=True)
    if ctx.minor:
        subs.append(Step(
            "preserve_evidence.no_explicit_images",
            "Never keep or pass on a nude image of anyone under 18",
            "Never save, screenshot or forward an explicit image of anyone under 18, not even "
            "one of yourself. That can be illegal even for you, and you don't need it: police "
            "and platforms can act without it. To get it removed, use Take It Down, which only "
            "makes a fingerprint (a hash) on your own device and never uploads the picture.",
            services=tuple(removal)))
    else:
        subs.append(Step(
            "preserve_evidence.intimate_images", "Don't pass the intimate image on",
            "Don't forward the intimate image itself to anyone. If it is on your own device, "
            "StopNCII can make a fingerprint (a hash) of it without uploading it, so platforms "
            "can block copies. If the image was taken before you were 18, use Take It Down "
            "instead.",
            services=tuple(removal)))
    return Step(
        id="preserve_evidence",
        title="Save the evidence before you block",
        text="Do this in order. It takes a few minutes and helps police and platforms act.",
        substeps=tuple(subs),
    )


def block_and_report(ctx: Context) -> Step:
    """Report first, then block, platform by platform."""
    subs = [Step("block_and_report.order", "Report first, then block",
                 "Blocking can hide the chat or their profile, so finish your screenshots, "
                 "report them, and only then block.")]
    seen: set[str] = set()
    for name in ctx.triage.platforms:
        guide = ctx.platforms.find(name)
        # Several names share one guide (Gmail and Google Chat, Tinder and Grindr).
        key = guide.id if guide else f"other.{_slug(name)}"
        if key in seen:
            continue
        seen.add(key)
        if guide is None:
            subs.append(Step(
                f"block_and_report.other.{_slug(name)}", name,
                "Look for Report on their profile or by pressing on one of their messages. "
                "Choose the option about threats, blackmail or sexual content, then block."))
        else:
            subs.append(Step(f"block_and_report.{guide.id}", guide.name, guide.text()))
    if not ctx.triage.platforms:
        subs.append(Step(
            "block_and_report.general", "On any app",
            "Look for Report on their profile or by pressing on one of their messages. Choose "
            "the option about threats, blackmail or sexual content. Name the app to see "
            "exactly where its report button is."))
    subs.append(Step(
        "block_and_report.lock_down", "Lock down your accounts",
        "After blocking, make your accounts private, hide your friends or followers list, "
        "change your passwords and turn on two-step sign-in."))
    return Step(
        id="block_and_report",
        title="Report them, then block them",
        text="Reports get fake accounts closed and help protect the next person they target.",
        substeps=tuple(subs),
    )


def official_help(ctx: Context) -> Step:
    """Official reporting and image removal for this country and age."""
    reporting = ctx.pick(_REPORTING)
    removal = [s for s in ctx.pick(_REMOVAL, with_international=True) if s not in reporting]
    chosen = reporting + removal
    subs = [_service_step("official_help", s) for s in chosen]
    police = (f"You can also report to your local police. In an emergency call "
              f"{ctx.emergency()}.")
    subs.append(Step("official_help.local_police", "Your local police", police))
    text = ("Reporting helps even if the person is in another country: police forces and "
            "platforms work together across borders.")
    if ctx.minor:
        text += " You will not get in trouble for reporting what was done to you."
    return Step(id="official_help", title="Get official help", text=text,
                services=tuple(chosen), substeps=tuple(subs))


def support(ctx: Context) -> Step:
    """Someone to talk to, crisis lines and recovery."""
    services = ctx.pick(_SUPPORT)
    trusted = ("Tell a parent, carer, teacher or another adult you trust. You will not be in "
               "trouble, and they can help you report." if ctx.minor else
               "Tell someone you trust. You don't have to go through this alone.")
    subs = [Step("support.trusted_person", "Tell someone you trust", trusted)]
    if OUTING_THREAT in ctx.triage.notes:
        lgbtq = tuple(s for s in ctx.lookup.services if "lgbtq" in s.handles)
        subs.append(Step(
            "support.outing_threat", "If they threatened to out you",
            "Threatening to tell people about your sexuality or gender is part of the "
            "blackmail. You decide who knows, and when. LGBTQ+ helplines understand this "
            "and can help.", services=lgbtq))
    subs.extend(_service_step("support", s) for s in services)
    subs.append(Step(
        "support.recovery", "Give yourself time",
        "Feeling scared, ashamed or numb is a normal reaction. Many blackmailers move on once "
        "you stop answering and report them. Talking to a counsellor can help you feel safe "
        "again."))
    return Step(id="support", title="Get support", text="You deserve support while this is "
                "sorted out, and afterwards.", services=tuple(services), substeps=tuple(subs))


def _slug(name: str) -> str:
    out = "".join(c if c.isalnum() else "_" for c in name.lower()).strip("_")
    return out or "app"
