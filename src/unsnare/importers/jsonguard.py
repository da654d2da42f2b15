"""A guard on JSON bytes as they are read: bounded nesting and string length.

Exports come from the people our users are up against as much as from the
platforms, so a file may be built to exhaust memory. The guard sees every
byte before the parser does and stops such a file with a clear error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unsnare.errors import InputError

if TYPE_CHECKING:
    import numpy as np

# NumPy is imported by the methods that use it (a cached look-up after the
# first): every `unsnare` command imports the importers, and most never read
# JSON, so loading NumPy at start-up cost them all (measured: a third of the
# start of `unsnare import` on a text export).

# Chat exports nest a handful of levels (a message, its text entities, their
# fields). Far deeper nesting is a crafted file: parsers keep a stack per level
# (ijson's C backend holds each level's path, so memory grows with the square
# of the depth), so we stop long before that.
MAX_JSON_DEPTH = 100
# No chat app sends a message anywhere near this long (Telegram: 4,096
# characters). A longer string is refused rather than held and re-scanned.
MAX_JSON_STRING = 64 * 1024**2
# Each list or object costs Python 60-230 bytes however few bytes of JSON it
# took ("[]" is two), so a file of empty lists would need 20-30 times its size.
# Chat exports hold one per 70-260 bytes (our fixtures of every format); we
# allow one per 24 bytes on average, past a first allowance, which keeps a
# whole parsed document under 10 times the file's size.
CONTAINER_ALLOWANCE = 100_000
BYTES_PER_CONTAINER = 24
# yajl re-scans a token that spans reads from its start on every read, so a
# long string costs (length / read size) squared: the reader hands such a
# string over whole, read in steps of this size.
READ_SIZE = 1024**2


class JsonShapeGuard:
    """Follows the nesting and string lengths of JSON bytes as they are read.

    It sees every byte before the parser does and raises `InputError` as soon
    as the document nests deeper than `max_depth` or holds one string longer
    than `max_string`, so a small crafted file cannot make the parser use
    memory far beyond its size. Vectorised with numpy: a few passes per read.
    """

    def __init__(
        self, file: str, *, max_depth: int = MAX_JSON_DEPTH, max_string: int = MAX_JSON_STRING
    ) -> None:
        self.file = file
        self.max_depth = max_depth
        self.max_string = max_string
        self.depth = 0
        self._in_string = False
        self._string_start = 0  # offset of the open string's quote, when in one
        self._backslashes = 0  # backslashes ending the previous chunk
        self._offset = 0
        self.containers = 0

    def feed(self, chunk: bytes) -> None:
        """Account for the next bytes of the document."""
        import numpy as np

        n = len(chunk)
        if not n:
            return
        b = np.frombuffer(chunk, dtype=np.uint8)
        quotes = self._real_quotes(b)
        # '[' and '{' differ only in bit 0x20, as do ']' and '}'.
        folded = b | 0x20
        opens = folded == 0x7B
        brackets = np.flatnonzero(opens | (folded == 0x7D))
        if len(brackets):
            before = np.searchsorted(quotes, brackets)
            outside = brackets[(before + self._in_string) % 2 == 0]
            steps = np.where(opens[outside], 1, -1)
            if len(steps):
                levels = np.cumsum(steps) + self.depth
                if int(levels.max()) > self.max_depth:
                    raise self._too_deep()
                self.depth = int(levels[-1])
            self.containers += int(np.count_nonzero(steps == 1))
            if self.containers > CONTAINER_ALLOWANCE + (self._offset + n) // BYTES_PER_CONTAINER:
                raise self._too_dense(self._offset + n)
        self._check_strings(quotes, n)
        self._offset += n

    def _real_quotes(self, b: np.ndarray) -> np.ndarray:
        # A quote is escaped when an odd run of backslashes comes right before it;
        # a run may begin in the previous chunk.
        import numpy as np

        quotes = np.flatnonzero(b == 0x22)
        is_bs = b == 0x5C
        if not is_bs.any():
            if len(quotes) and quotes[0] == 0 and self._backslashes % 2:
                quotes = quotes[1:]
            self._backslashes = 0
            return quotes
        last_other = np.maximum.accumulate(np.where(is_bs, -1, np.arange(len(b))))
        if len(quotes):
            prev = np.maximum(quotes - 1, 0)
            run = np.where(quotes > 0, quotes - 1 - last_other[prev], 0)
            run += np.where((quotes == 0) | (last_other[prev] < 0), self._backslashes, 0)
            quotes = quotes[run % 2 == 0]
        tail = len(b) - 1 - int(last_other[-1])
        self._backslashes = tail + (self._backslashes if last_other[-1] < 0 else 0)
        return quotes

    def open_string(self) -> int:
        """How many bytes of a string still open at the end of the bytes fed so far."""
        return self._offset - self._string_start if self._in_string else 0

    def _check_strings(self, quotes: np.ndarray, n: int) -> None:
        import numpy as np

        starts = quotes + self._offset
        opened = self._in_string
        if opened:
            starts = np.concatenate(([self._string_start], starts))
        # Pair opening and closing quotes; an odd one out stays open.
        pairs = len(starts) // 2
        if (
            pairs
            and int((starts[1 : 2 * pairs : 2] - starts[0 : 2 * pairs : 2]).max()) > self.max_string
        ):
            raise self._too_long()
        self._in_string = len(starts) % 2 == 1
        if self._in_string:
            self._string_start = int(starts[-1])
            if self._offset + n - self._string_start > self.max_string:
                raise self._too_long()

    def _too_deep(self) -> InputError:
        return InputError(
            f"this JSON is nested more than {self.max_depth} levels deep; chat exports nest "
            "only a few levels, so the file was made or changed by something else",
            file=self.file,
            hint="use the file exactly as the platform exported it; if someone sent you this "
            "file, it may have been built to crash programs like this one",
        )

    def _too_dense(self, seen: int) -> InputError:
        return InputError(
            f"this JSON holds {self.containers:,} lists and objects in its first "
            f"{seen / 1024**2:.1f} MB, far more than any chat export; reading "
            "it would fill the computer's memory",
            file=self.file,
            hint="use the file exactly as the platform exported it",
        )

    def _too_long(self) -> InputError:
        return InputError(
            f"this JSON holds one text over {self.max_string // 1024**2} MB long; no chat app "
            "sends messages that long, so the file was made or changed by something else",
            file=self.file,
            hint="use the file exactly as the platform exported it",
        )
