"""The one list of commands: each name, the module that defines it, and the
one-line summary `unsnare --help` shows without importing that module.

A command module is imported only when one of its commands runs (or shows its
own help), so `unsnare --version` and `unsnare --help` stay fast. Each module
exposes `register(app)`; tests/cli/test_commands_registry.py checks that every
summary here is the first paragraph of the command's own help.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import typer


@dataclass(frozen=True, slots=True)
class CommandEntry:
    """One top-level command: its name, its module and its summary line."""

    name: str
    module: str
    summary: str


# In help order: single commands first, then command groups (as Typer lists them).
COMMANDS: tuple[CommandEntry, ...] = (
    CommandEntry(
        "import",
        "unsnare.cli.importing",
        "Read a chat export and summarise it (or print it as JSON). The file is not changed.",
    ),
    CommandEntry(
        "show",
        "unsnare.cli.importing",
        "Print the conversation in the terminal, one message per line.",
    ),
    CommandEntry(
        "serve",
        "unsnare.cli.web",
        "Start the Unsnare web app in your browser (private: it runs only on this computer).",
    ),
    CommandEntry(
        "plan",
        "unsnare.cli.response",
        "Print a personal, step-by-step plan: what to do now, in order.",
    ),
    CommandEntry(
        "help",
        "unsnare.cli.response",
        "List official help and support services for a country and age.",
    ),
    CommandEntry(
        "guide",
        "unsnare.cli.response",
        "Read the guide: what sextortion is, what to do, and where to get help.",
    ),
    CommandEntry(
        "selfcheck",
        "unsnare.cli.response",
        "Answer a few yes/no questions about warning signs; get your next step.",
    ),
    CommandEntry(
        "checkup",
        "unsnare.cli.prevention",
        "The privacy check-up: the settings that matter against sextortion, app by app.",
    ),
    CommandEntry(
        "prevention",
        "unsnare.cli.prevention",
        "Prevention material to read or print: before you accept, for families, for schools.",
    ),
    CommandEntry(
        "analyze",
        "unsnare.cli.analysis",
        "Explain what is happening in a conversation and how serious it is.",
    ),
    CommandEntry(
        "eval",
        "unsnare.cli.analysis",
        "Measure precision, recall and F1 on labelled lines, and list the misses.",
    ),
    CommandEntry(
        "protect",
        "unsnare.cli.hashing",
        "Make hashes of your pictures and videos on this computer, to help stop them being "
        "shared.",
    ),
    CommandEntry(
        "match",
        "unsnare.cli.hashing",
        "Check an image or a hash against the hash banks (the image is hashed here, not kept).",
    ),
    CommandEntry(
        "scan",
        "unsnare.cli.scan",
        "Scan an archive of messages and image hashes; only findings are written out.",
    ),
    CommandEntry(
        "case",
        "unsnare.cli.case",
        "Keep evidence in an encrypted locker: cases, custody, packages.",
    ),
    CommandEntry("package", "unsnare.cli.case", "Check a sealed evidence package."),
    CommandEntry("bank", "unsnare.cli.hashing", "Hash banks: lists of hashes to match against."),
    CommandEntry(
        "platform",
        "unsnare.cli.platform",
        "The platform service: an API on PostgreSQL for trust-and-safety teams.",
    ),
)


def entry(name: str) -> CommandEntry | None:
    """The entry for a top-level command name, or None."""
    return next((e for e in COMMANDS if e.name == name), None)


def register_module(module: str, app: typer.Typer) -> None:
    """Import one command module and let it add its commands to `app`."""
    register: Callable[[typer.Typer], None] = importlib.import_module(module).register
    register(app)


# The order modules register in when all are loaded at once (Typer lists the
# single commands in this order, then the groups).
MODULES = (
    "unsnare.cli.importing",
    "unsnare.cli.web",
    "unsnare.cli.response",
    "unsnare.cli.prevention",
    "unsnare.cli.analysis",
    "unsnare.cli.case",
    "unsnare.cli.hashing",
    "unsnare.cli.platform",
    "unsnare.cli.scan",
)


def registrars() -> Iterator[Callable[[typer.Typer], None]]:
    """Yield each command module's `register` function, in help order (imports them all)."""
    for module in MODULES:
        yield importlib.import_module(module).register
