"""A declarative detector: one rule, with a fixed name, for an invented code word."""

from __future__ import annotations

from unsnare.analysis import PatternDetector, Rule, Tactic


class CodeWordDetector(PatternDetector):
    """Flags "pineapple protocol", a (made-up) code word for keeping a chat secret."""

    name = "example_code_word"
    version = "1"
    tactic = Tactic.GROOMING
    rules = (
        Rule(
            r"\bpineapple protocol\b",
            0.5,
            "They use a code word to keep your chat secret.",
            keys="pineapple",
            detail=(("kind", "secrecy"),),
            name="pineapple_protocol",
        ),
    )
