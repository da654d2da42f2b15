"""Amounts of money with their currency, and the payment channel named."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "r$": "BRL", "us$": "USD"}
_WORDS = {
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "bucks": "USD",
    "dolares": "USD",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "gbp": "GBP",
    "pounds": "GBP",
    "quid": "GBP",
    "brl": "BRL",
    "reais": "BRL",
    "real": "BRL",
    "mxn": "MXN",
    "pesos": "MXN",
    "inr": "INR",
    "rupees": "INR",
    "cad": "CAD",
    "aud": "AUD",
    "btc": "BTC",
    "bitcoin": "BTC",
    "bitcoins": "BTC",
    "eth": "ETH",
    "usdt": "USDT",
    "trx": "TRX",
    "php": "PHP",
    "ngn": "NGN",
}

_DIGIT = re.compile(r"\d")
AMOUNT_RE = re.compile(
    r"(?P<sym>r\$|us\$|[$€£₹])\s?(?P<n1>\d(?:[\d.,]*\d)?)\s?(?P<k1>k\b)?"
    r"|(?P<n2>\d(?:[\d.,]*\d)?)\s?(?P<k2>k\b)?\s?(?P<word>usd|dollars?|bucks|dolares|eur|euros?"
    r"|gbp|pounds|quid|brl|reais|mxn|pesos|inr|rupees|cad|aud|btc|bitcoins?|eth|usdt|trx|ngn"
    r"|[$€£])(?![a-z])"
)

_CHANNELS = (
    ("bitcoin", re.compile(r"\b(?:bitcoins?|btc)\b")),
    ("crypto", re.compile(r"\b(?:crypto|usdt|tether|ethereum|eth|tron|trx|litecoin|wallet)\b")),
    (
        "gift_card",
        re.compile(
            r"\b(?:gift ?cards?|steam (?:card|wallet)|google play|itunes|apple card|amazon card"
            r"|razer gold|roblox card|xbox card|psn card|vanilla (?:visa|card)|tarjeta de regalo"
            r"|cartao presente|vale presente)\b"
        ),
    ),
    ("cashapp", re.compile(r"\bcash ?app\b|(?<![\w$])\$[a-z][a-z0-9_]{2,}")),
    ("venmo", re.compile(r"\bvenmo\b")),
    ("zelle", re.compile(r"\bzelle\b")),
    ("paypal", re.compile(r"\bpay ?pal\b")),
    ("apple_pay", re.compile(r"\bapple ?pay\b")),
    ("pix", re.compile(r"\bpix\b(?! ?\w*(?:of|me|pls))")),
    (
        "bank_transfer",
        re.compile(
            r"\b(?:bank transfer|wire|western union|moneygram|transferencia|deposito|oxxo)\b"
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount of money as written, with its value and currency code."""

    text: str
    start: int
    end: int
    value: float
    currency: str


def _number(raw: str, thousands: bool) -> float | None:
    # Both "1,234.50" and "1.234,50" (Brazil, most of Europe) occur. With both
    # separators, the last is the decimal one; a lone comma is decimal unless
    # three digits follow it; a lone dot is decimal unless it repeats.
    dot, comma = raw.count("."), raw.count(",")
    if dot and comma:
        last = max(raw.rfind("."), raw.rfind(","))
        raw = raw[:last].replace(".", "").replace(",", "") + "." + raw[last + 1 :]
    elif comma:
        tail = raw.rsplit(",", 1)[1]
        raw = raw.replace(",", "") if len(tail) == 3 or comma > 1 else raw.replace(",", ".")
    elif dot > 1:
        raw = raw.replace(".", "")
    try:
        value = float(raw)
    except ValueError:
        return None
    return value * 1000 if thousands else value


def find_amounts(folded: str) -> list[Amount]:
    """Every amount with a currency in folded text."""
    out: list[Amount] = []
    if _DIGIT.search(folded) is None:
        return out
    for m in AMOUNT_RE.finditer(folded):
        if m.group("sym"):
            value = _number(m.group("n1"), bool(m.group("k1")))
            currency = _SYMBOLS[m.group("sym")]
        else:
            word = m.group("word")
            value = _number(m.group("n2"), bool(m.group("k2")))
            currency = _SYMBOLS.get(word) or _WORDS.get(word.rstrip("s"), _WORDS.get(word, "USD"))
        if value is None:
            continue
        out.append(Amount(m.group(0).strip(), m.start(), m.end(), value, currency))
    return out


def payment_channel(folded: str) -> str | None:
    """The payment channel a text names (bitcoin, gift card, cashapp, ...), if any."""
    for name, regex in _CHANNELS:
        if regex.search(folded):
            return name
    return None
