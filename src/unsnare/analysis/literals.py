"""Words a pattern cannot match without: a cheap test before the regular expression.

Most rule patterns start with a word boundary and an alternation
(``\\b(?:send|show)\\s+me``), which Python's regular-expression engine tries
at every position of every message. Yet every match of that pattern contains
"send" or "show"; when neither is in the text, the pattern cannot match and
need not run. `required_literals` works such a set out from the parsed pattern
(a simplified form of what RE2 and Hyperscan call prefilters), and
`literal_gate` turns it into a test that is several times cheaper than the
pattern on ordinary messages.

The test only ever skips a pattern that could not have matched, so findings
are exactly the same with and without it. Patterns it cannot read (case-
insensitive flags, back-references) get no test and always run.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import cast

# The standard library's own parser (no public name; stable across 3.11-3.13).
_parser: ModuleType = importlib.import_module("re._parser")
# One parsed node: an opcode and its argument, whose shape depends on the opcode.
_Node = tuple[object, object]

# Literal sets grow by cross product ("i"/"u" x "'ll"/" will"): past this they
# stop being worth holding.
_MAX_STRINGS = 64
# A literal shorter than this is in almost every message: no use as a test.
MIN_LITERAL = 3
# Small character classes ([- ], [ae]) are read as alternatives up to this size.
_MAX_CLASS = 8
# A repeat of a literal is spelled out up to this many copies ("s?", "o{1,2}").
_MAX_COPIES = 3


class _Info:
    """What one piece of a pattern says: all it can match (`exact`, when that
    is a small finite set), and sets of which it must contain one (`needs`)."""

    __slots__ = ("exact", "needs")

    def __init__(self, exact: set[str] | None, needs: list[set[str]]) -> None:
        self.exact = exact
        self.needs = needs


_UNKNOWN_NAMES = frozenset({"ANY", "NOT_LITERAL", "GROUPREF", "GROUPREF_EXISTS", "CATEGORY"})


def _unknown() -> _Info:
    return _Info(None, [])


def _empty() -> _Info:
    return _Info({""}, [])


def _sequence(items: Iterable[_Node]) -> _Info:
    needs: list[set[str]] = []
    run: set[str] = {""}
    exact = True
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None and len(run) * len(info.exact) <= _MAX_STRINGS:
            run = {a + b for a in run for b in info.exact}
            continue
        exact = False
        if run != {""}:
            needs.append(run)
        needs.extend(info.needs)
        run = info.exact if info.exact is not None else {""}
    if exact:
        return _Info(run, needs)
    if run != {""}:
        needs.append(run)
    return _Info(None, needs)


def _best(info: _Info) -> set[str] | None:
    """The most selective single set the piece must contain one of."""
    options = list(info.needs)
    if info.exact is not None:
        options.append(info.exact)
    options = [o for o in options if "" not in o]
    if not options:
        return None
    return max(options, key=lambda o: (min(len(s) for s in o), -len(o)))


def _node(op: object, av: object) -> _Info:
    name = str(op)
    if name == "LITERAL":
        return _Info({chr(cast(int, av))}, [])
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _empty()  # zero width: adds nothing to what is matched
    if name == "SUBPATTERN":
        _group, add_flags, _del_flags, body = cast(tuple[object, int, int, Iterable[_Node]], av)
        if add_flags & re.IGNORECASE:
            return _unknown()
        return _sequence(list(body))
    if name == "ATOMIC_GROUP":
        return _sequence(list(cast(Iterable[_Node], av)))
    if name == "BRANCH":
        branches = cast(tuple[object, list[Iterable[_Node]]], av)[1]
        alternatives = [_sequence(list(b)) for b in branches]
        if all(a.exact is not None for a in alternatives):
            union: set[str] = set()
            for a in alternatives:
                union |= a.exact or set()
            if len(union) <= _MAX_STRINGS:
                return _Info(union, [])
        merged: set[str] = set()
        for a in alternatives:
            best = _best(a)
            if best is None:
                return _unknown()
            merged |= best
        return _Info(None, [merged])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = cast(tuple[int, int, Iterable[_Node]], av)
        if high == 0:
            return _empty()
        inner = _sequence(list(body))
        if inner.exact is not None and high <= _MAX_COPIES:
            # "s?", "(?:ha){1,3}": each number of copies, spelled out.
            spelled: set[str] = set()
            copies: set[str] = {""}
            for k in range(high + 1):
                if k >= low:
                    spelled |= copies
                if k == high:
                    break
                copies = {a + b for a in copies for b in inner.exact}
                if len(copies) > _MAX_STRINGS:
                    break
            if k == high and len(spelled) <= _MAX_STRINGS:
                return _Info(spelled, [])
        if low == 0:
            return _unknown()
        if low == high == 1:
            return inner
        needs = list(inner.needs)
        if inner.exact is not None and "" not in inner.exact:
            needs.append(inner.exact)
        return _Info(None, needs)
    if name == "IN":
        chars: set[str] = set()
        for iop, iav in cast(Iterable[tuple[object, int]], av):
            if str(iop) != "LITERAL":
                return _unknown()
            chars.add(chr(iav))
        if 0 < len(chars) <= _MAX_CLASS:
            return _Info(chars, [])
        return _unknown()
    # Anything else (any character, a class, a back-reference): no literal.
    return _unknown()


def _parse(pattern: str) -> list[_Node] | None:
    """The pattern's top-level nodes; None when it does not parse or ignores case
    (a literal then says nothing of the folded text's letters)."""
    try:
        parsed = _parser.parse(pattern)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    return list(parsed)


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings of which every match of `pattern` contains at least one, each at
    least MIN_LITERAL long; None when no such set is known."""
    nodes = _parse(pattern)
    if nodes is None:
        return None
    info = _sequence(nodes)
    best = _best(info)
    if best is None or min(len(s) for s in best) < MIN_LITERAL:
        return None
    # Drop a string that holds another from the set: finding the shorter suffices.
    kept = sorted(best, key=len)
    out: list[str] = []
    for s in kept:
        if not any(o in s for o in out):
            out.append(s)
    return tuple(out)


# A condition: alternatives, each a tuple of clauses, each a tuple of strings of
# which a text must hold one (see `required_alternatives`).
Clauses = tuple[tuple[str, ...], ...]
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_MAX_ALTERNATIVES = 64


def required_alternatives(pattern: str) -> tuple[Clauses, ...] | None:
    """What a text the pattern matches in must hold: for one of the returned
    alternatives, a string of each of its clauses. None when nothing is known. A pattern made of
    alternatives (``a|b``) gives one per alternative, so that a weak first
    alternative does not weaken the others; `required_literals` is the most
    selective single clause. unsnare._fastscan tests them all at once."""
    nodes = _parse(pattern)
    if nodes is None:
        return None
    alternatives = _alternatives(nodes)
    if alternatives is None or any(not a for a in alternatives):
        return None
    return tuple(dict.fromkeys(alternatives))


def _alternatives(nodes: list[_Node]) -> list[Clauses] | None:
    """The clauses of each top-level alternative of a sequence."""
    core = [(op, av) for op, av in nodes if str(op) not in _ZERO_WIDTH]
    if len(core) == 1:
        op, av = core[0]
        if str(op) == "BRANCH":
            out: list[Clauses] = []
            for body in cast(tuple[object, list[Iterable[_Node]]], av)[1]:
                inner = _alternatives(list(body))
                if inner is None:
                    return None
                out.extend(inner)
            return out if len(out) <= _MAX_ALTERNATIVES else None
        if str(op) == "SUBPATTERN":
            _group, add_flags, _del_flags, body = cast(
                tuple[object, int, int, Iterable[_Node]], av
            )
            if not add_flags & re.IGNORECASE:
                return _alternatives(list(body))
    return [_clauses(_sequence(nodes))]


def _clauses(info: _Info) -> Clauses:
    """Every set the piece must contain one of. Unlike a gate's, short strings
    count: the scanner finds all strings in one pass, so a clause of "9" and
    "17" or "dm" costs nothing and still rules out most texts."""
    options = list(info.needs)
    if info.exact is not None:
        options.append(info.exact)
    out: list[tuple[str, ...]] = []
    for option in options:
        if "" in option:
            continue
        clause = _without_longer(option)
        if clause not in out:
            out.append(clause)
    return tuple(out)


def _without_longer(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings less any that holds another (finding the shorter suffices)."""
    out: list[str] = []
    for s in sorted(strings, key=lambda s: (len(s), s)):
        if not any(o in s for o in out):
            out.append(s)
    return tuple(out)


def literal_gate(pattern: str) -> Callable[[str], bool] | None:
    """A quick test that is False only for texts `pattern` cannot match in
    (None when there is no such test)."""
    found = required_literals(pattern)
    if found is None:
        return None
    if len(found) == 1:
        only = found[0]
        return lambda text: only in text
    gate = re.compile("|".join(re.escape(s) for s in found))
    search = gate.search
    return lambda text: search(text) is not None
