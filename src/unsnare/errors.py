"""Every error Unsnare raises for a person to read, under one base class.

Each error says what went wrong, where (file, line, field) and what the user
can do. The CLI maps them to exit codes and the web app to pages; neither ever
shows a traceback to a user.

A hint that points at a choice the person can make (the export format, a
time) names it structurally, with `option=` and `choices=`, and each front end
words it: the command line as ``--format``, the web app as its form's field.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol

# Where a hint names its option; the front end's words for it go there.
OPTION = "{option}"


class Offer(StrEnum):
    """How a hint offers its option."""

    # "add --format with one of: a, b" / 'choose it under "Format"'
    PICK = "pick"
    # "choose another --format (one of: a, b)" / 'choose another under "Format"'
    ANOTHER = "another"


class HintWords(Protocol):
    """One front end's words for the option a hint names."""

    def option(self, name: str, choices: tuple[str, ...], offer: Offer) -> str:
        """The words for choosing `name` (one of `choices`, when given)."""


class CommandLineWords:
    """Options as the command line spells them: ``--format``."""

    def option(self, name: str, choices: tuple[str, ...], offer: Offer) -> str:
        """``add --name with one of: ...`` or ``choose another --name (one of: ...)``."""
        listed = ", ".join(choices)
        if offer is Offer.ANOTHER:
            return f"choose another --{name}" + (f" (one of: {listed})" if choices else "")
        return f"add --{name}" + (f" with one of: {listed}" if choices else "")


COMMAND_LINE = CommandLineWords()


class UnsnareError(Exception):
    """Base class: a problem we can explain to the person using Unsnare."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
        option: str | None = None,
        choices: Sequence[str] = (),
        offer: Offer = Offer.PICK,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        # The advice; with `option`, it holds OPTION where the option's words go.
        self.advice = hint
        self.option = option
        self.choices = tuple(choices)
        self.offer = offer

    @property
    def hint(self) -> str | None:
        """What to try, in the command line's words (the web app uses `hint_in`)."""
        return self.hint_in(COMMAND_LINE)

    @hint.setter
    def hint(self, value: str | None) -> None:
        self.advice, self.option = value, None

    def hint_in(self, words: HintWords) -> str | None:
        """What to try, with the option (if any) in one front end's words."""
        if self.option is None:
            return self.advice
        said = words.option(self.option, self.choices, self.offer)
        if not self.advice:
            return said
        if OPTION in self.advice:
            return self.advice.replace(OPTION, said)
        return f"{self.advice}; or {said}"

    def where(self) -> str:
        """The place the error points at, such as ``chat.txt, line 12, field 'date'``."""
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def explain(self) -> str:
        """The whole explanation: what, where, and what to try."""
        text = self.message
        where = self.where()
        if where:
            text = f"{where}: {text}"
        if self.hint:
            text = f"{text}\nWhat to try: {self.hint}"
        return text

    def __str__(self) -> str:
        return self.explain()


class UsageError(UnsnareError):
    """An option or argument that cannot be used as given."""

    exit_code = 2


class InputError(UnsnareError):
    """A file or text we were given cannot be read as what it claims to be."""

    exit_code = 3


class ImportFormatError(InputError):
    """An export file that no importer (or not the chosen one) can read."""


class LockerError(UnsnareError):
    """The evidence locker cannot be opened or changed as asked."""

    exit_code = 4


class WrongPassphraseError(LockerError):
    """The passphrase does not unlock this locker."""


class IntegrityError(UnsnareError):
    """A stored item or log no longer matches what was recorded."""

    exit_code = 5


class MissingBlobError(IntegrityError):
    """A stored file (original, messages, analysis) is gone from the locker."""


class HashingError(UnsnareError):
    """An image or hash cannot be hashed or matched."""

    exit_code = 3


class DuplicateNameError(UsageError, ValueError):
    """A detector, importer or signal type registered under a name already taken.

    Also a `ValueError`, so code written against the first importer registry
    (which raised `ValueError`) still catches it.
    """


class PluginError(UsageError):
    """An installed plug-in (a detector or importer from another package) cannot be loaded."""
