"""Identifiers of the offender and the money trail, found in messages.

Phone numbers (E.164 via `phonenumbers`), email addresses, handles per
platform, profile URLs, payment handles ($cashtags, PayPal.me, Venmo,
Zelle), gift-card brands and codes, crypto addresses (checksums checked),
amounts with currency, and other links. Each identifier lists every message
it appears in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers

from unsnare.analysis.identifiers.bank import BANK_WORDS, IBAN_HINT, find_accounts
from unsnare.analysis.identifiers.cryptocurrency import (
    bech32_segwit_valid,
    bitcoin_base58_valid,
    eip55_checksum,
    ethereum_valid,
    tron_valid,
)
from unsnare.analysis.identifiers.money import find_amounts
from unsnare.analysis.report import Identifier
from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+|\b(?:t\.me|wa\.me|paypal\.me|discord\.gg"
    r"|bit\.ly|tinyurl\.com|cash\.app)/[^\s<>\"')\]]+",
    re.IGNORECASE,
)
_PROFILE = (
    ("instagram", re.compile(r"instagram\.com/([A-Za-z0-9_.]{2,30})", re.I)),
    ("snapchat", re.compile(r"snapchat\.com/add/([A-Za-z0-9_.-]{2,30})", re.I)),
    ("tiktok", re.compile(r"tiktok\.com/@([A-Za-z0-9_.]{2,30})", re.I)),
    ("facebook", re.compile(r"(?:facebook|fb)\.com/([A-Za-z0-9_.]{2,50})", re.I)),
    ("twitter", re.compile(r"(?:twitter|x)\.com/([A-Za-z0-9_]{2,30})", re.I)),
    ("telegram", re.compile(r"t\.me/([A-Za-z0-9_]{3,32})", re.I)),
    ("whatsapp", re.compile(r"wa\.me/(\d{6,15})", re.I)),
    ("discord", re.compile(r"discord\.gg/([A-Za-z0-9-]{2,30})", re.I)),
    ("paypal", re.compile(r"paypal\.me/([A-Za-z0-9_.-]{2,40})", re.I)),
    ("cashapp", re.compile(r"cash\.app/\$([A-Za-z0-9_]{1,20})", re.I)),
    ("venmo", re.compile(r"venmo\.com/(?:u/)?([A-Za-z0-9_-]{3,30})", re.I)),
)
_PLATFORM_NAMES = {
    "snap": "snapchat",
    "snapchat": "snapchat",
    "sc": "snapchat",
    "insta": "instagram",
    "instagram": "instagram",
    "ig": "instagram",
    "tiktok": "tiktok",
    "kik": "kik",
    "discord": "discord",
    "telegram": "telegram",
    "venmo": "venmo",
}
_LABELLED = re.compile(
    r"\b(snap|snapchat|sc|insta|instagram|ig|tiktok|kik|discord|telegram|venmo)\b\s*(?:is|:|-|=|id"
    r"|name|handle|username|user)?\s*(?:is\s*)?[:\-]?\s*@?([a-z0-9][a-z0-9._-]{2,29})"
)
_NOT_HANDLE = words(
    "me it the and too now later or please you your ur and add is are if so then lol "
    "ok okay account acc story name handle username user story streak then with for "
    "tonight"
)
_AT_HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z0-9_][A-Za-z0-9_.]{1,29})")
_CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z][A-Za-z0-9_]{1,20})\b")
_ZELLE = re.compile(
    r"\bzelle\b[^\n]{0,20}?(?:to|at|:)?\s*([\w.+-]+@[\w-]+\.[\w.]+|\+?[\d][\d\s().-]{8,}\d)", re.I
)
_GIFT_BRANDS = re.compile(
    r"\b(steam|google play|itunes|apple|amazon|razer gold|roblox|xbox|playstation|psn|vanilla"
    r"|visa|ebay|target|walmart|sephora|nintendo)\s*(?:gift)?\s*cards?\b",
    re.I,
)
_GIFT_CODE = re.compile(
    r"\b[A-Z0-9]{4,5}(?:-[A-Z0-9]{4,5}){2,4}\b|\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])"
    r"[A-Z0-9]{16}\b"
)
_BTC_LEGACY = re.compile(r"(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])")
_BTC_BECH32 = re.compile(
    r"(?<![A-Za-z0-9])(?:bc1|BC1|tb1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![A-Za-z0-9])"
)
_ETH = re.compile(r"(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![0-9a-fA-F])")
_TRON = re.compile(r"(?<![A-Za-z0-9])T[1-9A-HJ-NP-Za-km-z]{33}(?![A-Za-z0-9])")
_PHONE_HINT = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_LONG_TOKEN = re.compile(r"[A-Za-z0-9]{25,}")
_PAY_PLATFORMS = ("paypal", "cashapp", "venmo")
# (IDENTIFIER_WORDS, below, tells the engine which words to keep per message.)
_HANDLE_WORDS = words("snap snapchat sc insta instagram ig tiktok kik discord telegram venmo zelle")
_GIFT_WORDS = words(
    "gift giftcard card cards code codes steam itunes roblox razer xbox psn playstation"
)
_MONEY_WORDS = words(
    "$ € £ ₹ usd dollars dollar bucks dolares eur euro euros gbp pounds quid brl "
    "reais real mxn pesos inr rupees cad aud btc bitcoin bitcoins eth usdt trx ngn"
)


IDENTIFIER_WORDS = _HANDLE_WORDS | _GIFT_WORDS | _MONEY_WORDS | BANK_WORDS


# Texts up to this long are remembered, at most this many (as the view does).
_REPEAT_TEXT_LIMIT = 200
_REPEAT_TEXTS = 50_000
# One identifier as found in a text: kind, value, normalized, platform, valid.
_Found = tuple[str, str, str, str | None, bool | None]


@dataclass
class _Acc:
    kind: str
    value: str
    normalized: str
    platform: str | None
    valid: bool | None
    ids: list[str]


class IdentifierExtractor:
    """Collects identifiers across messages; `default_region` reads local phone numbers."""

    def __init__(self, default_region: str = "US", platform: str | None = None) -> None:
        self.default_region = default_region
        self.platform = platform
        self._found: dict[tuple[str, str], _Acc] = {}
        # A short text seen before ("ok", a pasted demand with a handle) gives
        # what it gave then: its identifiers are replayed, not looked for again.
        self._seen: dict[tuple[str, str, frozenset[str]], tuple[_Found, ...]] = {}
        self._recording: list[_Found] | None = None

    def _add(
        self,
        kind: str,
        value: str,
        normalized: str,
        message_id: str,
        platform: str | None = None,
        valid: bool | None = None,
    ) -> None:
        if self._recording is not None:
            self._recording.append((kind, value, normalized, platform, valid))
        key = (kind, normalized)
        acc = self._found.get(key)
        if acc is None:
            self._found[key] = _Acc(kind, value, normalized, platform, valid, [message_id])
        elif acc.ids[-1] != message_id:
            acc.ids.append(message_id)

    def add_message(self, m: MessageView) -> None:
        """Find every identifier in one message.

        Each family of identifiers is looked for only when a cheap sign of it
        is present (an @, a slash, a currency sign, a platform's name, a long
        run of digits or letters), so ordinary messages cost almost nothing.
        """
        text, folded, words, mid = m.text, m.folded, m.words, m.id
        if len(text) <= _REPEAT_TEXT_LIMIT:
            key = (text, folded, words)
            again = self._seen.get(key)
            if again is not None:
                for kind, value, normalized, platform, valid in again:
                    self._add(kind, value, normalized, mid, platform, valid)
                return
            if len(self._seen) < _REPEAT_TEXTS:
                self._recording = []
                try:
                    self._look(m)
                finally:
                    self._seen[key] = tuple(self._recording)
                    self._recording = None
                return
        self._look(m)

    def _look(self, m: MessageView) -> None:
        text, folded, words, mid = m.text, m.folded, m.words, m.id
        emails: set[str] = set()
        if "@" in text:
            self._emails_and_handles(text, mid, emails)
        if "/" in text or "www." in folded:
            self._urls(text, mid)
        if not _HANDLE_WORDS.isdisjoint(words):
            self._labelled(folded, mid)
        if "$" in text:
            for cm in _CASHTAG.finditer(text):
                tag = cm.group(1)
                self._add("payment_handle", "$" + tag, f"cashapp:{tag.lower()}", mid, "cashapp")
        if not _GIFT_WORDS.isdisjoint(words):
            self._gift(text, folded, mid)
        if _LONG_TOKEN.search(text):
            self._crypto(text, mid)
        if not _MONEY_WORDS.isdisjoint(words):
            for a in find_amounts(folded):
                s, e = m.span(a.start, a.end)
                self._add("amount", text[s:e].strip(), f"{a.value:g} {a.currency}", mid)
        if _PHONE_HINT.search(text):
            self._phones(text, mid)
        if not BANK_WORDS.isdisjoint(words) or IBAN_HINT.search(text):
            for account in find_accounts(text, folded):
                self._add("bank_account", account.value, account.normalized, mid,
                          valid=account.valid)

    def _emails_and_handles(self, text: str, mid: str, emails: set[str]) -> None:
        for e in _EMAIL.findall(text):
            emails.add(e)
            self._add("email", e, e.lower(), mid)
        for hm in _AT_HANDLE.finditer(text):
            h = hm.group(1).rstrip(".")
            if any(h in e for e in emails):
                continue
            self._add(
                "handle", "@" + h, f"{self.platform or 'unknown'}:{h.lower()}", mid, self.platform
            )
        for zm in _ZELLE.finditer(text):
            value = zm.group(1).strip()
            self._add("payment_handle", value, f"zelle:{value.lower()}", mid, "zelle")

    def _urls(self, text: str, mid: str) -> None:
        profile_spans: list[str] = []
        for platform, regex in _PROFILE:
            for pm in regex.finditer(text):
                profile_spans.append(pm.group(0).lower())
                kind = "payment_handle" if platform in _PAY_PLATFORMS else "profile_url"
                self._add(kind, pm.group(0), f"{platform}:{pm.group(1).lower()}", mid, platform)
        for um in _URL.finditer(text):
            url = um.group(0).rstrip(".,;:!?")
            if any(p in url.lower() for p in profile_spans):
                continue
            self._add("link", url, url.lower(), mid)

    def _labelled(self, folded: str, mid: str) -> None:
        for lm in _LABELLED.finditer(folded):
            handle = lm.group(2).rstrip("._-")
            if handle in _NOT_HANDLE:
                continue
            platform = _PLATFORM_NAMES[lm.group(1)]
            kind = "payment_handle" if platform == "venmo" else "handle"
            self._add(kind, handle, f"{platform}:{handle}", mid, platform)
        if "zelle" in folded:
            for zm in _ZELLE.finditer(folded):
                value = zm.group(1).strip()
                self._add("payment_handle", value, f"zelle:{value.lower()}", mid, "zelle")

    def _gift(self, text: str, folded: str, mid: str) -> None:
        for gm in _GIFT_BRANDS.finditer(text):
            brand = gm.group(1).lower()
            self._add("gift_card", gm.group(0), brand, mid)
        for code in _GIFT_CODE.findall(text):
            self._add("gift_card_code", code, code.replace("-", ""), mid)

    def _crypto(self, text: str, mid: str) -> None:
        for bm in _BTC_BECH32.finditer(text):
            self._add(
                "crypto_address",
                bm.group(0),
                bm.group(0).lower(),
                mid,
                "bitcoin",
                bech32_segwit_valid(bm.group(0)),
            )
        for bm in _BTC_LEGACY.finditer(text):
            self._add(
                "crypto_address",
                bm.group(0),
                bm.group(0),
                mid,
                "bitcoin",
                bitcoin_base58_valid(bm.group(0)),
            )
        for em in _ETH.finditer(text):
            valid = ethereum_valid(em.group(0))
            self._add(
                "crypto_address", em.group(0), eip55_checksum(em.group(0)), mid, "ethereum", valid
            )
        for tm in _TRON.finditer(text):
            self._add(
                "crypto_address", tm.group(0), tm.group(0), mid, "tron", tron_valid(tm.group(0))
            )

    def _phones(self, text: str, mid: str) -> None:
        try:
            matches = list(phonenumbers.PhoneNumberMatcher(text, self.default_region))
        except Exception:  # noqa: BLE001 - a library quirk on odd text must not stop the analysis
            return
        for pm in matches:
            e164 = phonenumbers.format_number(pm.number, phonenumbers.PhoneNumberFormat.E164)
            self._add(
                "phone", pm.raw_string, e164, mid, None, phonenumbers.is_valid_number(pm.number)
            )

    def results(self) -> tuple[Identifier, ...]:
        """Everything found, in order of first appearance."""
        if not self._found:
            return ()
        return tuple(
            Identifier(a.kind, a.value, a.normalized, tuple(a.ids), a.platform, a.valid)
            for a in self._found.values()
        )


def extract_identifiers(
    messages: Iterable[MessageView], default_region: str = "US", platform: str | None = None
) -> tuple[Identifier, ...]:
    """Every identifier in these messages."""
    ex = IdentifierExtractor(default_region, platform)
    for m in messages:
        ex.add_message(m)
    return ex.results()
