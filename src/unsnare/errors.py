"""Every error Unsnare raises for a person to read, under one base class.

Each error says what went wrong, where (file, line, field) and what the user
can do. The CLI maps them to exit codes and the web app to pages; neither ever
shows a traceback to a user.
"""

from __future__ import annotations


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
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        self.hint = hint

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
