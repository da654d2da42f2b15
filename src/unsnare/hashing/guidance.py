"""What to do with a hash list: Take It Down (under 18) or StopNCII (adults), plainly.

Both services make the hashes in the person's own browser or phone, from the
pictures the person chooses there; they do not take a list of hashes. So our
hash list is the person's record and lets a helper or platform check for
matches; the steps below say how to submit to the services themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

TAKE_IT_DOWN = "https://takeitdown.ncmec.org"
STOP_NCII = "https://stopncii.org"
CYBERTIPLINE = "https://report.cybertip.org"


@dataclass(frozen=True)
class ProtectGuide:
    """Which service fits, the steps, and what the service cannot do."""

    service: str
    url: str
    steps: tuple[str, ...]
    limits: tuple[str, ...]
    opening: str


LIMITS = (
    "It only works on the platforms that take part (each service lists them on its "
    "website, and the list changes). Other sites and private chats are not covered.",
    "A copy that has been cropped, filtered, edited or heavily changed may not match, "
    "so it may not be blocked.",
    "Pictures or videos that are already posted still need reporting, on the platform "
    "where you see them (use its Report button).",
    "The service never sees your pictures, only the hashes, and nobody is told your name.",
)


def guide_for(age: int | None) -> list[ProtectGuide]:
    """The service(s) for someone this age in the pictures; both when the age is unknown."""
    opening = "This is not your fault. Making these hashes is a smart, safe step."
    young = ProtectGuide(
        "Take It Down (NCMEC)",
        TAKE_IT_DOWN,
        (
            f"Open {TAKE_IT_DOWN} on this device. It is for pictures or videos taken "
            "when you were under 18, even if you are older now.",
            "Choose the same pictures and videos there. Its page makes the hashes on your "
            "device; the files are not uploaded.",
            "Keep the case number it gives you. You can add more files later.",
            f"You can also report to NCMEC's CyberTipline: {CYBERTIPLINE}. "
            "A trusted adult can help you, but you can do this on your own.",
        ),
        LIMITS,
        opening,
    )
    adult = ProtectGuide(
        "StopNCII.org",
        STOP_NCII,
        (
            f"Open {STOP_NCII} on this device. It is for people aged 18 or over in the "
            "pictures or videos.",
            "Choose the same files there. The hashes are made on your device; the files "
            "are not uploaded.",
            "Write down the case number and PIN it shows; you need them to check or "
            "withdraw your case.",
        ),
        LIMITS,
        opening,
    )
    if age is None:
        return [young, adult]
    return [young] if age < 18 else [adult]
