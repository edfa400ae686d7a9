"""Honest evaluation: k-fold cross-validation grouped by document, and scoring a trained model."""

from __future__ import annotations

import time
import tracemalloc
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold

from stancelib.annotations import Record
from stancelib.evaluation.metrics import bootstrap_ci, macro_f1, task_metrics
from stancelib.scheme import Scheme, resolve_scheme
from stancelib.training.base import encode_targets
from stancelib.training.data import as_records, groups_of


def _scored(records: list[Record]) -> np.ndarray:
    """Indices that count in scores: sentences of origin ``written`` never do."""
    return np.array([i for i, r in enumerate(records) if r.origin != "written"], dtype=np.int64)


def score_predictions(records: list[Record], predicted: list[dict[str, Any]], scheme: Scheme, *,
                      n_boot: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Per-task metrics with document-bootstrap 95% intervals for macro-F1."""
    keep = _scored(records)
    recs = [records[i] for i in keep]
    preds = [predicted[i] for i in keep]
    y_true = encode_targets([r.labels for r in recs], scheme)
    y_pred = encode_targets(preds, scheme)
    groups = np.asarray(groups_of(recs))
    out: dict[str, Any] = {"n": len(recs), "documents": int(len(set(groups.tolist()))), "tasks": {}}
    for t in scheme:
        m = task_metrics(t, y_true[t.name], y_pred[t.name])
        if n_boot and len(recs) > 1:
            lo, hi = bootstrap_ci(lambda idx: macro_f1(t, y_true[t.name][idx], y_pred[t.name][idx]), groups,
                                  n_boot=n_boot, seed=seed)
            m["macro_f1_ci95"] = [lo, hi]
        out["tasks"][t.name] = m
    return out


def cross_validate(annotations: Any, scheme: Any = None, backend: str = "hybrid", *, folds: int = 5,
                   seed: int = 0, n_boot: int = 1000, corpus: Any = None, progress: bool = False,
                   **options: Any) -> dict[str, Any]:
    """Train on k-1 folds of documents, predict the held-out fold, pool, and score.

    No document is in both train and test of a fold; thresholds and
    calibration are chosen inside each training fold (nested), so the
    held-out fold never influences them. ``written`` sentences may train but
    never count. Returns a JSON-ready report with timing and peak memory.
    """
    from stancelib.training.train import train

    scheme = resolve_scheme(scheme)
    records = as_records(annotations, scheme, corpus=corpus)
    groups = np.asarray(groups_of(records))
    n_groups = len(set(groups.tolist()))
    if n_groups < 2:
        raise ValueError("cross-validation needs sentences from at least two documents")
    k = min(folds, n_groups)
    predicted: list[dict[str, Any] | None] = [None] * len(records)
    fold_of = np.zeros(len(records), dtype=np.int64)
    tracemalloc.start()
    started = time.perf_counter()
    for f, (tr, te) in enumerate(GroupKFold(n_splits=k).split(records, groups=groups)):
        assert not set(groups[tr]) & set(groups[te]), "a document leaked across folds"
        model = train([records[i] for i in tr], scheme, backend, seed=seed, **options)
        for i, p in zip(te, model.predict([records[i].text for i in te])):
            predicted[i] = p
        fold_of[te] = f
        if progress:
            print(f"  fold {f + 1}/{k}: trained on {len(tr)}, tested on {len(te)} sentences", flush=True)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report = score_predictions(records, predicted, scheme, n_boot=n_boot, seed=seed)  # type: ignore[arg-type]
    report.update({"backend": backend, "options": options, "folds": k, "grouped_by": "doc_id",
                   "fold_documents": [int(len(set(groups[fold_of == f].tolist()))) for f in range(k)],
                   "seconds": round(seconds, 1), "python_peak_mb": round(peak / 2**20, 1)})
    return report


def evaluate_model(model, annotations: Any, *, corpus: Any = None, n_boot: int = 1000) -> dict[str, Any]:
    """Score a trained model on a labeled set (its own scheme)."""
    records = as_records(annotations, model.scheme, corpus=corpus)
    report = score_predictions(records, model.predict([r.text for r in records]), model.scheme, n_boot=n_boot)
    report["backend"] = model.backend.name
    return report
