"""What detectors read: the conversation with each message folded once.

Folding and word sets are computed once per message here, so that a dozen
detectors do not each redo that work (speed is a requirement: tens of
thousands of messages a second on one core).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from unsnare.analysis.language import (
    SCRIPT_SAMPLE,
    WORD_SAMPLE,
    LanguageGuess,
    detect_language,
    rule_languages,
)
from unsnare.analysis.normalize import original_span
from unsnare.analysis.text import Folder, tokens, vocabulary_words
from unsnare.media import SENT_MEDIA_SUFFIXES
from unsnare.models import Conversation, MessageKind

# Very long messages are read in full for identifiers but matched by rules only
# up to this many characters, which keeps a 2 GB paste from stalling the rules.
RULE_TEXT_LIMIT = 20_000
# A folded text longer than this reads as an email or a notice, where deadlines,
# payments and "your contacts" are everyday words (the engine and the rules ask).
LONG_TEXT = 320
# Short texts seen before are not folded again (nor matched again by a rule,
# see base.py); at most REPEAT_TEXTS are kept.
REPEAT_TEXT_LIMIT = 200
REPEAT_TEXTS = 50_000


class MessageView(NamedTuple):
    """One message as the detectors see it (a named tuple: cheap to build)."""

    position: int
    id: str
    sender: str | None
    timestamp: datetime | None
    text: str
    folded: str
    words: frozenset[str]
    has_image: bool
    # Where each character of `folded` came from in `text` (with an end entry),
    # or None when `folded` is as long as `text`, character for character.
    offsets: array[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in `text` of a span in `folded`."""
        return original_span(self.offsets, start, end)


@dataclass(frozen=True)
class ConversationView:
    """A conversation prepared for detection, with its language."""

    conversation: Conversation
    messages: tuple[MessageView, ...]
    language: LanguageGuess
    is_email: bool = False
    # For each vocabulary word's owners (detector names), the messages holding
    # one of their words, worked out in one pass; None when built without a
    # vocabulary (each detector then scans every message itself).
    prefiltered: dict[str, list[MessageView]] | None = None

    def messages_for(self, detector_name: str) -> list[MessageView] | None:
        """The messages that hold one of this detector's words, if prefiltered."""
        if self.prefiltered is None:
            return None
        return self.prefiltered.get(detector_name, [])

    def languages(self) -> tuple[str, ...]:
        """The rule packs to apply: the detected language, and English always."""
        return rule_languages(self.language)



def _has_image(media: tuple[tuple[str, str | None], ...]) -> bool:
    for name, mtype in media:
        if mtype and (mtype.startswith("image") or mtype.startswith("video")):
            return True
        if name.lower().endswith(SENT_MEDIA_SUFFIXES):
            return True
    return False


def build_view(
    conversation: Conversation,
    folder: Folder,
    is_email: bool,
    vocabulary: frozenset[str] | None = None,
    owners: dict[str, tuple[str, ...]] | None = None,
) -> ConversationView:
    """Fold every person-written message once and wrap the conversation.

    With a `vocabulary` (every word some detector looks for), each message
    keeps only its words from that vocabulary, and equal word sets are shared:
    on a 1,000,000-message conversation this is the difference between about
    200 MB and over 1 GB.
    """
    views: list[MessageView] = []
    language_words: list[frozenset[str]] = []
    shared: dict[frozenset[str], frozenset[str]] = {}
    prefiltered: dict[str, list[MessageView]] | None = {} if owners is not None else None
    owners_of_set: dict[frozenset[str], frozenset[str]] = {}
    repeated: dict[str, tuple[str, frozenset[str], array[int] | None]] = {}
    for i, m in enumerate(conversation.messages):
        if m.kind is not MessageKind.MESSAGE:
            continue
        text = m.text[:RULE_TEXT_LIMIT] if len(m.text) > RULE_TEXT_LIMIT else m.text
        seen = repeated.get(text) if len(text) <= REPEAT_TEXT_LIMIT else None
        if seen is not None:
            # The same short text again ("ok", "lol", a pasted threat): folded once.
            folded, words, offsets = seen
        elif vocabulary is not None and len(language_words) >= WORD_SAMPLE:
            normal = folder.fold(text)
            folded, offsets = normal.text, normal.offsets
            if folded == text:
                folded = text  # share the string: halves memory on huge conversations
            words = vocabulary_words(folded, vocabulary)
            words = shared.setdefault(words, words)
            if len(text) <= REPEAT_TEXT_LIMIT and len(repeated) < REPEAT_TEXTS:
                repeated[text] = (folded, words, offsets)
        else:
            normal = folder.fold(text)
            folded, offsets = normal.text, normal.offsets
            if folded == text:
                folded = text
            words = tokens(folded)
            if len(language_words) < WORD_SAMPLE:
                language_words.append(words)
            if vocabulary is not None:
                words = words & vocabulary
                words = shared.setdefault(words, words)
        media = tuple((a.file_name, a.media_type) for a in m.attachments) if m.attachments else ()
        view = MessageView(
            i,
            m.id,
            m.sender,
            m.timestamp,
            text,
            folded,
            words,
            bool(media) and _has_image(media),
            offsets,
        )
        views.append(view)
        if prefiltered is not None and owners is not None and words:
            names = owners_of_set.get(words)
            if names is None:
                names = frozenset(n for w in words for n in owners.get(w, ()))
                owners_of_set[words] = names
            for name in names:
                prefiltered.setdefault(name, []).append(view)
    # A sample is enough to tell the language and keeps huge chats fast.
    language = detect_language(language_words, (v.text for v in views[:SCRIPT_SAMPLE]))
    return ConversationView(conversation, tuple(views), language, is_email, prefiltered)
