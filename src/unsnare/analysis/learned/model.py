"""The learned model: a linear classifier per tactic over n-gram features.

The weights ship inside the package (`model.npz`, built by
`training/build_model.py` from the team-written text in `training/data/`), so
nothing is downloaded at run time. Stored as plain arrays, not a pickle: a
pickle would tie the file to one version of scikit-learn, and loading one runs
code.

Speed: a message's score is a sum over its features, and most features sit
inside one word, so each distinct word's share (its vector and its feature
count) is worked out once and kept; a batch of messages is then summed with a
few NumPy calls instead of one per message.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from importlib import resources
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from unsnare.analysis.learned.features import features, word_features, words_of
from unsnare.errors import UnsnareError

_sums: ModuleType | None
try:
    from unsnare.analysis.learned import _sums
except ImportError:  # installed without a C compiler: the NumPy sums, same floats
    _sums = None

MODEL_FILE = "model.npz"


def compiled() -> bool:
    """Whether batch_margins' compiled sums (_sums.c) are built."""
    return _sums is not None

# Distinct words whose share is kept; past this the cache starts again (a
# hostile stream of random words must not grow memory without end).
WORD_CACHE_LIMIT = 500_000
# Texts summed at a time by the compiled sums.
SUM_BLOCK = 8192

Floats = npt.NDArray[np.float32]


class LearnedModel:
    """Linear weights for each output, looked up by feature string."""

    def __init__(
        self,
        vocabulary: list[str],
        weights: Floats,
        bias: Floats,
        outputs: tuple[str, ...],
        thresholds: Floats,
        meta: dict[str, Any],
    ) -> None:
        if weights.shape != (len(vocabulary), len(outputs)):
            raise UnsnareError("the learned model's weights do not match its vocabulary")
        self._index = {f: i for i, f in enumerate(vocabulary)}
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.bias = bias
        self.outputs = outputs
        self.thresholds = thresholds
        self.meta = meta
        self.version = str(meta.get("version", "0"))
        self._reset_words()
        # Rows as plain lists for the one-message path (built lazily, row by row).
        self._rows = _Rows(weights)
        self._bias = [float(b) for b in bias]
        self._py_words: dict[str, tuple[list[float], int]] = {}
        self._word_features: dict[str, tuple[int, list[int], list[int]]] = {}

    @classmethod
    def load(cls) -> LearnedModel:
        """The model shipped inside the package."""
        ref = resources.files("unsnare.analysis.learned").joinpath(MODEL_FILE)
        try:
            with ref.open("rb") as handle:
                data = np.load(handle, allow_pickle=False)
                vocab = bytes(data["vocabulary"]).decode("utf-8").split("\n")
                weights = data["weights"].astype(np.float32)
                bias = data["bias"].astype(np.float32)
                outputs = tuple(bytes(data["outputs"]).decode("utf-8").split("\n"))
                thresholds = data["thresholds"].astype(np.float32)
                meta = json.loads(bytes(data["meta"]).decode("utf-8"))
        except (OSError, KeyError, ValueError) as exc:
            raise UnsnareError(
                f"the learned model could not be read ({exc})",
                hint="reinstall Unsnare, or rebuild the model with training/build_model.py",
            ) from None
        return cls(vocab, weights, bias, outputs, thresholds, meta)

    # -- the plain way: one message, every feature (used for explanations and tests)

    def margins_of(self, folded: str) -> Floats:
        """The raw margins (before the bias) of one message's normalised text."""
        total = 0
        acc = np.zeros(len(self.outputs), dtype=np.float64)
        for f in features(folded):
            total += 1
            i = self._index.get(f)
            if i is not None:
                acc += self.weights[i]
        return (acc / math.sqrt(total) if total else acc).astype(np.float32)

    def contributions(self, folded: str, output: int) -> dict[str, float]:
        """How much each feature of the text pushed one output up or down."""
        feats = list(features(folded))
        norm = math.sqrt(len(feats)) if feats else 1.0
        index = self._index
        rows = [i for i in (index.get(f) for f in feats) if i is not None]
        # The weights needed, as Python floats (the same values float() gives), in
        # one NumPy call: one element at a time was most of this method, and a
        # whole output's column as a list would hold 20 MB per output.
        column = dict(zip(rows, self.weights[rows, output].tolist(), strict=True))
        out: dict[str, float] = {}
        for f in feats:
            i = index.get(f)
            if i is not None:
                out[f] = out.get(f, 0.0) + column[i] / norm
        return out

    def word_weights(self, folded: str, output: int) -> dict[str, float]:
        """How much each word of the text pushed one output up or down: the sum,
        over the word's distinct features, of what `contributions` gives each.

        The same floats as summing `contributions` per word, added in the same
        order, with each word's features looked up once per model (explaining
        a finding was most of the learned layer's time on distinct messages).
        """
        if len(self._word_features) > WORD_CACHE_LIMIT:
            self._word_features.clear()
        words = words_of(folded)
        total = 0
        counts: dict[int, int] = {}  # feature row: how often the text has it
        for w in dict.fromkeys(words):
            known = self._features_of(w)
            total += known[0]
            for i in known[1]:
                counts[i] = counts.get(i, 0) + 1
        total += len(dict.fromkeys(zip(words, words[1:], strict=False)))
        norm = math.sqrt(total) if total else 1.0
        rows = list(counts)
        column = self.weights[rows, output].tolist() if rows else []
        weight: dict[int, float] = {}
        for (i, c), w in zip(counts.items(), column, strict=True):
            x = w / norm
            acc = 0.0
            for _ in range(c):
                acc = acc + x
            weight[i] = acc
        out: dict[str, float] = {}
        for w in set(words):
            # (a feature the model does not know adds 0.0 there: no change to
            # the sum's value, so it is left out here)
            out[w] = sum(weight[i] for i in self._features_of(w)[2])
        return out

    def _features_of(self, word: str) -> tuple[int, list[int], list[int]]:
        """A word's feature count, its known features' rows (repeats kept), and
        the rows of its distinct known features in `set(word_features(word))` order."""
        found = self._word_features.get(word)
        if found is None:
            feats = word_features(word)
            index = self._index
            rows = [i for i in (index.get(f) for f in feats) if i is not None]
            distinct = [i for i in (index.get(f) for f in set(feats)) if i is not None]
            found = self._word_features[word] = (len(feats), rows, distinct)
        return found

    # -- the fast way: many messages at once

    def _reset_words(self) -> None:
        self._word_row: dict[str, int] = {}
        self._words = 0
        self._word_table: Floats = np.zeros((1024, len(self.outputs)), dtype=np.float32)
        self._word_count_table: npt.NDArray[np.int32] = np.zeros(1024, dtype=np.int32)

    def _add_word(self, word: str) -> int:
        feats = word_features(word)
        rows = [i for i in (self._index.get(f) for f in feats) if i is not None]
        row = self._words
        if row == len(self._word_table):  # full: double the room
            self._word_table = np.concatenate([self._word_table, np.zeros_like(self._word_table)])
            self._word_count_table = np.concatenate(
                [self._word_count_table, np.zeros_like(self._word_count_table)]
            )
        if rows:
            self._word_table[row] = self.weights[rows].sum(axis=0)
        self._word_count_table[row] = len(feats)
        self._word_row[word] = row
        self._words += 1
        return row

    def batch_margins(self, texts: Sequence[str], *, use_compiled: bool = True) -> Floats:
        """The raw margins (before the bias) of many messages' normalised texts
        (by the compiled sums when built, unless use_compiled is False: same floats)."""
        n = len(texts)
        out_dim = len(self.outputs)
        if n == 0:
            return np.zeros((0, out_dim), dtype=np.float32)
        if len(self._word_row) > WORD_CACHE_LIMIT:
            self._reset_words()
        if n > 1 and use_compiled and _sums is not None:
            return self._compiled_margins(texts)
        word_row = self._word_row
        index = self._index
        word_ids: list[int] = []
        word_owner: list[int] = []
        pair_ids: list[int] = []
        pair_owner: list[int] = []
        pair_counts = [0] * n
        for k, folded in enumerate(texts):
            words = words_of(folded)
            for w in dict.fromkeys(words):
                row = word_row.get(w)
                if row is None:
                    row = self._add_word(w)
                word_ids.append(row)
                word_owner.append(k)
            if len(words) > 1:
                pairs = dict.fromkeys(zip(words, words[1:], strict=False))
                pair_counts[k] = len(pairs)
                for a, b in pairs:
                    i = index.get("b " + a + " " + b)
                    if i is not None:
                        pair_ids.append(i)
                        pair_owner.append(k)
        if n == 1:
            # One message (a paste, one API call): two small sums beat the batch machinery.
            total = float(pair_counts[0])
            acc = np.zeros(out_dim, dtype=np.float64)
            if word_ids:
                acc += self._word_table[word_ids].sum(axis=0)
                total += float(self._word_count_table[word_ids].sum())
            if pair_ids:
                acc += self.weights[pair_ids].sum(axis=0)
            return (acc / math.sqrt(max(total, 1.0))).astype(np.float32)[None, :]
        sums = np.zeros((n, out_dim), dtype=np.float64)
        counts = np.array(pair_counts, dtype=np.float64)
        if word_ids:
            ids = np.array(word_ids, dtype=np.intp)
            owners = np.array(word_owner, dtype=np.intp)
            rows = self._word_table[ids]
            for j in range(out_dim):
                sums[:, j] += np.bincount(owners, weights=rows[:, j], minlength=n)
            counts += np.bincount(owners, weights=self._word_count_table[ids], minlength=n)
        if pair_ids:
            pids = np.array(pair_ids, dtype=np.intp)
            powners = np.array(pair_owner, dtype=np.intp)
            prow = self.weights[pids]
            for j in range(out_dim):
                sums[:, j] += np.bincount(powners, weights=prow[:, j], minlength=n)
        norm = np.sqrt(np.maximum(counts, 1.0))[:, None]
        return (sums / norm).astype(np.float32)

    def _compiled_margins(self, texts: Sequence[str]) -> Floats:
        """batch_margins' sums by the compiled helper (the same floats, see _sums.c)."""
        assert _sums is not None
        out = np.empty((len(texts), len(self.outputs)), dtype=np.float32)
        # A block of texts at a time: the word lists of a million messages
        # would hold hundreds of MB at once (each text's sums are its own).
        for at in range(0, len(texts), SUM_BLOCK):
            lists = [words_of(t) for t in texts[at : at + SUM_BLOCK]]
            for word in _sums.unknown(lists, self._word_row):
                self._add_word(word)
            _sums.sums(
                lists, self._word_row, self._index, self._word_table, self._word_count_table,
                self.weights, out[at : at + len(lists)],
            )
        return out

    def one_probabilities(self, folded: str) -> list[float]:
        """The probabilities for one message, in plain Python: for a single message
        NumPy's per-call cost is larger than the sums themselves."""
        if len(self._py_words) > WORD_CACHE_LIMIT:
            self._py_words.clear()
        out_dim = len(self.outputs)
        acc = [0.0] * out_dim
        total = 0
        words = words_of(folded)
        for w in dict.fromkeys(words):
            cached = self._py_words.get(w)
            if cached is None:
                feats = word_features(w)
                vec = [0.0] * out_dim
                for f in feats:
                    i = self._index.get(f)
                    if i is not None:
                        for j, x in enumerate(self._rows[i]):
                            vec[j] += x
                cached = self._py_words[w] = (vec, len(feats))
            vec, count = cached
            total += count
            acc = [a + v for a, v in zip(acc, vec, strict=True)]
        pairs = dict.fromkeys(zip(words, words[1:], strict=False))
        total += len(pairs)
        for a, b in pairs:
            i = self._index.get("b " + a + " " + b)
            if i is not None:
                acc = [a + v for a, v in zip(acc, self._rows[i], strict=True)]
        norm = math.sqrt(total) if total else 1.0
        exp = math.exp
        return [
            1.0 / (1.0 + exp(-(a / norm + b) if a / norm + b > -50.0 else 50.0))
            for a, b in zip(acc, self._bias, strict=True)
        ]

    def probabilities(self, margins: Floats) -> Floats:
        """Probabilities from raw margins (the bias added)."""
        result: Floats = 1.0 / (1.0 + np.exp(-(margins + self.bias)))
        return result


class _Rows:
    """Weight rows as Python lists, each converted the first time it is used."""

    def __init__(self, weights: Floats) -> None:
        self._weights = weights
        self._cache: dict[int, list[float]] = {}

    def __getitem__(self, i: int) -> list[float]:
        row = self._cache.get(i)
        if row is None:
            row = self._cache[i] = [float(x) for x in self._weights[i]]
        return row
