"""Bank details in a demand: an IBAN, an Australian BSB and account number, a UK
sort code and account number. Offenders who are paid by bank transfer name the
account in the chat (or in a screenshot), and that account is what the bank and
the police can trace."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

BANK_WORDS = frozenset({"bsb", "iban", "sort", "sortcode", "acc", "account", "acct"})

_ACCOUNT = r"\b(?:acc(?:ount)?|acct|a/c)\b\W{0,5}(?:no\.?|number|nr|#)?\W{0,3}"
_NEAR = r"\b[^\n]{0,40}?"
_BSB = re.compile(rf"\bbsb\b\W{{0,3}}(\d{{3}})[- ]?(\d{{3}}){_NEAR}{_ACCOUNT}(\d{{6,10}})\b")
_SORT = re.compile(
    rf"\bsort ?code\b\W{{0,3}}(\d{{2}})[- ]?(\d{{2}})[- ]?(\d{{2}}){_NEAR}{_ACCOUNT}(\d{{8}})\b"
)
# Two letters, two check digits, then 11 to 30 letters and digits, maybe in groups of four.
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b")
IBAN_HINT = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z0-9]{4}")


class BankAccount(NamedTuple):
    """One account as written, its normalised form, and whether its checksum holds."""

    value: str
    normalized: str
    valid: bool | None


def iban_valid(iban: str) -> bool:
    """The ISO 13616 check: move the first four characters to the end, letters to
    numbers (A=10 ... Z=35), and the number modulo 97 must be 1."""
    compact = iban.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


def find_accounts(text: str, folded: str) -> Iterator[BankAccount]:
    """Every bank account named in one message (text as written, folded for words)."""
    # The folded text has the letters in lower case; as long as it is as long as
    # the text, a span in one is a span in the other.
    same = len(text) == len(folded)
    for m in _BSB.finditer(folded):
        value = (text if same else folded)[m.start() : m.end()].strip()
        yield BankAccount(value, f"au-bsb:{m.group(1)}{m.group(2)}:{m.group(3)}", None)
    for m in _SORT.finditer(folded):
        value = (text if same else folded)[m.start() : m.end()].strip()
        number = f"{m.group(1)}{m.group(2)}{m.group(3)}:{m.group(4)}"
        yield BankAccount(value, f"uk-sort:{number}", None)
    for m in _IBAN.finditer(text):
        compact = m.group(1).replace(" ", "")
        if len(compact) >= 15:
            yield BankAccount(m.group(1), f"iban:{compact}", iban_valid(compact))
