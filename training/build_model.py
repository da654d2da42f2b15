"""Build the learned layer's model from the team-written text in training/data/.

    .venv/bin/python training/build_model.py            # cross-validate, then build
    .venv/bin/python training/build_model.py --cv-only  # only print the figures

Reads every `training/data/*.jsonl` (one message a line: text, lang, tactics,
group, register), turns each into the same features the running detector uses
(`unsnare.analysis.learned.features` over the normalised text), and fits one
logistic regression per tactic with scikit-learn. Lines that share a `group`
(one idea written several ways) are kept on one side of every fold, so the
figures say how the model does on ideas it has not seen. The model is saved as
plain arrays in `src/unsnare/analysis/learned/model.npz` (no pickle).

Only text the team wrote is used. The evaluation material in ../shared/eval
and its public sources are never read here: their licences forbid training on
them, and they must stay apart to measure honestly.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from unsnare.analysis.learned.features import features
from unsnare.analysis.learned.heads import OVERALL
from unsnare.analysis.normalize import Normalizer

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
OUT = ROOT.parent / "src" / "unsnare" / "analysis" / "learned" / "model.npz"

OUTPUTS = (
    "threat_to_expose",
    "payment_demand",
    "deadline",
    "hacking_claim",
    "image_request",
    "sexual_content",
    "grooming",
    "false_identity",
    "stolen_content",
    "self_harm_pressure",
)
# The overall head (OVERALL, the name the detector looks for): any tactic of the
# scheme against ordinary text. It is fitted on the same lines as the tactic
# heads (a line is positive when it lists any tactic) and stored as one more
# column after them.
HEADS = (*OUTPUTS, OVERALL)
REGISTERS = {"chat", "email", "retelling", "notice"}
# The model only speaks where it is sure; the rules cover the rest. A tactic's
# threshold is the lowest that keeps precision at this level out of fold.
TARGET_PRECISION = 0.95
MIN_THRESHOLD = 0.5
MIN_DOCS = 2  # features seen in fewer training lines are dropped


def read_data() -> list[dict[str, object]]:
    """Every training line, checked; a bad line stops the build with its place."""
    rows: list[dict[str, object]] = []
    for path in sorted(DATA.glob("*.jsonl")):
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as exc:
                sys.exit(f"{path.name}, line {n}: not valid JSON ({exc.msg})")
            text, tactics = row.get("text"), row.get("tactics")
            if not isinstance(text, str) or not text.strip():
                sys.exit(f"{path.name}, line {n}: `text` must be a non-empty string")
            if not isinstance(tactics, list) or any(t not in OUTPUTS for t in tactics):
                sys.exit(f"{path.name}, line {n}: `tactics` must list names from {OUTPUTS}")
            if not row.get("group") or not row.get("lang"):
                sys.exit(f"{path.name}, line {n}: `group` and `lang` are required")
            if row.get("register") not in REGISTERS:
                sys.exit(f"{path.name}, line {n}: `register` must be one of {sorted(REGISTERS)}")
            row["file"] = path.name
            rows.append(row)
    if not rows:
        sys.exit(f"no training lines in {DATA}")
    return rows


_LANG_CODES = {"en", "es", "pt", "de", "fr", "it", "nl", "cs", "pl", "da", "no", "sv"}


def idea(row: dict[str, object]) -> str:
    """The idea behind a line, whatever its language: several files write one idea in
    many languages (`es-chat-threat`, `fr-chat-threat`), and a translation must not
    sit on the other side of a fold from its original."""
    parts = [p for p in str(row["group"]).split("-") if p not in _LANG_CODES]
    return "-".join(parts)


def featurise(rows: list[dict[str, object]]) -> tuple[list[Counter[str]], list[int]]:
    """Each line's features with their counts, and how many features it has."""
    folder = Normalizer()
    docs: list[Counter[str]] = []
    for row in rows:
        folded = folder.fold(str(row["text"])).text
        docs.append(Counter(features(folded)))
    return docs, [sum(d.values()) for d in docs]


def matrix(
    docs: list[Counter[str]], sizes: list[int], vocab: dict[str, int]
) -> sparse.csr_matrix:
    """Rows of count/sqrt(features in the line) at each known feature (as at run time)."""
    indptr, indices, values = [0], [], []
    for doc, size in zip(docs, sizes, strict=True):
        w = 1.0 / math.sqrt(size) if size else 0.0
        for f, count in doc.items():
            i = vocab.get(f)
            if i is not None:
                indices.append(i)
                values.append(w * count)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.array(values, dtype=np.float32), np.array(indices), np.array(indptr)),
        shape=(len(docs), len(vocab)),
    )


def vocabulary(docs: list[Counter[str]]) -> dict[str, int]:
    """Features in at least MIN_DOCS lines, in a fixed order."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d)
    kept = sorted(f for f, c in df.items() if c >= MIN_DOCS)
    return {f: i for i, f in enumerate(kept)}


def fit(x: sparse.csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
    model.fit(x, y)
    return model


def threshold_for(probs: np.ndarray, truth: np.ndarray) -> float:
    """The threshold with the best out-of-fold F-0.5 (precision weighs double):
    a false alarm frightens a family and wastes a platform's reviewer, so the
    model leans to saying nothing where it is unsure."""
    order = np.argsort(-probs)
    positives = int(truth.sum())
    best, best_f = 0.99, -1.0
    tp = fp = 0
    for i in order:
        if truth[i]:
            tp += 1
        else:
            fp += 1
        p = tp / (tp + fp)
        r = tp / positives if positives else 0.0
        f = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
        if f > best_f and p >= TARGET_PRECISION:
            best, best_f = float(probs[i]), f
    return max(MIN_THRESHOLD, min(best, 0.99))


def cross_validate(
    docs: list[Counter[str]], sizes: list[int], labels: np.ndarray, groups: list[str], c: float
) -> np.ndarray:
    """Out-of-fold probabilities for every line and output (folds grouped by `group`)."""
    oof = np.zeros(labels.shape, dtype=np.float64)
    folds = GroupKFold(n_splits=5)
    for train, test in folds.split(docs, labels, groups):
        vocab = vocabulary([docs[i] for i in train])
        xtr = matrix([docs[i] for i in train], [sizes[i] for i in train], vocab)
        xte = matrix([docs[i] for i in test], [sizes[i] for i in test], vocab)
        for j in range(labels.shape[1]):
            ytr = labels[train, j]
            if ytr.sum() < 3:
                continue
            oof[test, j] = fit(xtr, ytr, c).predict_proba(xte)[:, 1]
    return oof


def report(oof: np.ndarray, labels: np.ndarray, thresholds: list[float], rows: list) -> dict:
    figures: dict[str, dict[str, float]] = {}
    print(f"{'output':20} {'lines':>6} {'thr':>5} {'prec':>6} {'recall':>6}")
    for j, name in enumerate(HEADS):
        pred = oof[:, j] >= thresholds[j]
        truth = labels[:, j].astype(bool)
        tp = int((pred & truth).sum())
        fp = int((pred & ~truth).sum())
        fn = int((~pred & truth).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        figures[name] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "positives": int(truth.sum()),
        }
        print(f"{name:20} {int(truth.sum()):6d} {thresholds[j]:5.2f} {p:6.3f} {r:6.3f}")
    tactic_cols = len(OUTPUTS)
    any_truth = labels[:, :tactic_cols].any(axis=1)
    any_pred = (oof[:, :tactic_cols] >= np.array(thresholds[:tactic_cols])).any(axis=1)
    overall_pred = oof[:, tactic_cols] >= thresholds[tactic_cols]
    for title, prefix, pred in (
        ("Any tactic head, by language (out of fold):", "lang", any_pred),
        ("The overall head, by language (out of fold):", "overall:lang", overall_pred),
        ("Either, by language:", "either:lang", any_pred | overall_pred),
    ):
        print(f"\n{title}")
        by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for i, row in enumerate(rows):
            for key in (str(row["lang"]), "all"):
                cell = by_lang[key]
                if any_truth[i] and pred[i]:
                    cell[0] += 1
                elif pred[i]:
                    cell[1] += 1
                elif any_truth[i]:
                    cell[2] += 1
        for lang, (tp, fp, fn) in sorted(by_lang.items()):
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            print(f"  {lang:4} precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
            if lang != "all" or prefix != "lang":
                figures[f"{prefix}:{lang}"] = {"precision": round(p, 3), "recall": round(r, 3)}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true", help="print figures, save nothing")
    parser.add_argument("--c", type=float, default=None, help="regularisation (default: chosen)")
    args = parser.parse_args()

    rows = read_data()
    docs, sizes = featurise(rows)
    tactic_labels = np.array(
        [[t in row["tactics"] for t in OUTPUTS] for row in rows],  # type: ignore[operator]
        dtype=np.int8,
    )
    labels = np.concatenate([tactic_labels, tactic_labels.max(axis=1, keepdims=True)], axis=1)
    groups = [idea(row) for row in rows]
    langs = Counter(str(r["lang"]) for r in rows)
    print(f"{len(rows)} lines, {len(set(groups))} groups, languages {dict(langs)}")

    candidates = [args.c] if args.c else [1.0, 4.0, 16.0]
    best_c, best_oof, best_score = candidates[0], None, -1.0
    for c in candidates:
        oof = cross_validate(docs, sizes, labels, groups, c)
        # Mean average precision over the outputs: threshold-free, so C is chosen fairly.
        from sklearn.metrics import average_precision_score

        aps = [
            average_precision_score(labels[:, j], oof[:, j])
            for j in range(len(HEADS))
            if labels[:, j].sum()
        ]
        score = float(np.mean(aps))
        print(f"C={c}: mean average precision {score:.3f}")
        if score > best_score:
            best_c, best_oof, best_score = c, oof, score
    assert best_oof is not None
    thresholds = [threshold_for(best_oof[:, j], labels[:, j]) for j in range(len(HEADS))]
    print(f"\nChosen C={best_c}. Out-of-fold figures (folds grouped by `group`):")
    figures = report(best_oof, labels, thresholds, rows)
    if args.cv_only:
        return

    vocab = vocabulary(docs)
    x = matrix(docs, sizes, vocab)
    weights = np.zeros((len(vocab), len(HEADS)), dtype=np.float32)
    bias = np.zeros(len(HEADS), dtype=np.float32)
    for j in range(len(HEADS)):
        m = fit(x, labels[:, j], best_c)
        weights[:, j] = m.coef_[0]
        bias[j] = m.intercept_[0]
    # Features that move no output (to within rounding) are dropped to keep the file small.
    keep = np.abs(weights).max(axis=1) >= 1e-3
    names = [f for f, i in sorted(vocab.items(), key=lambda kv: kv[1]) if keep[i]]
    weights = weights[keep]
    digest = hashlib.sha256()
    for path in sorted(DATA.glob("*.jsonl")):
        digest.update(path.read_bytes())
    meta = {
        "version": f"1.{datetime.now(UTC):%Y%m%d}",
        "built": datetime.now(UTC).isoformat(timespec="seconds"),
        "training_lines": len(rows),
        "training_groups": len(set(groups)),
        "training_data_sha256": digest.hexdigest(),
        "languages": sorted(langs),
        "c": best_c,
        "cross_validation": figures,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT,
        vocabulary=np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
        weights=weights.astype(np.float16),
        bias=bias,
        outputs=np.frombuffer("\n".join(HEADS).encode("utf-8"), dtype=np.uint8),
        thresholds=np.array(thresholds, dtype=np.float32),
        meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
    )
    print(f"\nSaved {OUT} ({OUT.stat().st_size / 1e6:.1f} MB, {len(names)} features)")


if __name__ == "__main__":
    main()
