"""How WhatsApp writes the hour in 12-hour locales: AM/PM, markers and day periods.

Phones set to a 12-hour clock write a marker after the time ("PM",
"p. m.", Arabic "م") or before it (Chinese "下午"), and some locales write the
day period in words ("in the evening", "de la tarde"). These tables say how
each reads the hour; `whatsapp_syntax` builds the header patterns from them.
"""

from __future__ import annotations

# Day periods written in words after the time (CLDR "h:mm B" and friends), and
# the Arabic/Persian markers; each maps to how the 12-hour clock is read.
# "night" runs over midnight: 10 at night is 22:00, 2 at night is 02:00.
DAY_PERIODS: dict[str, str] = {
    "in the morning": "am",
    "in the afternoon": "pm",
    "in the evening": "pm",
    "at night": "night",
    "noon": "noon",
    "de la mañana": "am",
    "de la madrugada": "am",
    "del mediodía": "noon",
    "de la tarde": "pm",
    "de la noche": "night",
    "da manhã": "am",
    "da madrugada": "am",
    "da tarde": "pm",
    "da noite": "night",
    "du matin": "am",
    "de l’après-midi": "pm",
    "de l'après-midi": "pm",
    "du soir": "pm",
    "di mattina": "am",
    "del pomeriggio": "pm",
    "di sera": "pm",
    "di notte": "night",
    "morgens": "am",
    "vorm.": "am",
    "nachm.": "pm",
    "abends": "pm",
    "nachts": "night",
    "pagi": "am",
    "siang": "noon",
    "sore": "pm",
    "malam": "night",
    "ص": "am",
    "م": "pm",
    "ق.ظ.": "am",
    "ب.ظ.": "pm",
    "ق.ظ": "am",
    "ب.ظ": "pm",
}
# Markers written before the hour (zh, ja, ko).
PREFIX_PERIODS: dict[str, str] = {
    "上午": "am",
    "早上": "am",
    "凌晨": "am",
    "中午": "noon",
    "下午": "pm",
    "晚上": "night",
    "午前": "am",
    "午後": "pm",
    "오전": "am",
    "오후": "pm",
}


def period(marker: str) -> str:
    """How a 12-hour marker reads the hour: "am", "pm", "noon" or "night"."""
    if marker[0] in "AaPp" and marker[-1:] in "Mm." and len(marker) <= 5:
        return "pm" if marker[0] in "Pp" else "am"
    return DAY_PERIODS.get(marker) or PREFIX_PERIODS.get(marker) or DAY_PERIODS[marker.lower()]


def hour24(hour: int, marker: str) -> int | None:
    """The 24-hour hour for a 12-hour `hour` with its marker; None if it cannot exist."""
    if not 1 <= hour <= 12:
        return None
    kind = period(marker)
    if kind == "am":
        return hour % 12
    if kind == "noon" and hour == 11:
        return 11
    if kind == "night" and (hour < 6 or hour == 12):
        return hour % 12
    return hour % 12 + 12
