"""Per-label precision, recall and F1, macro-F1, confusion matrices, document bootstrap intervals."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from stancelib.scheme import Task


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _as_indicator(task: Task, y: np.ndarray) -> np.ndarray:
    if task.multi_label:
        return np.asarray(y, dtype=np.int64)
    out = np.zeros((len(y), len(task.labels)), dtype=np.int64)
    out[np.arange(len(y)), np.asarray(y, dtype=np.int64)] = 1
    return out


def macro_f1(task: Task, y_true: np.ndarray, y_pred: np.ndarray) -> float:
    t, p = _as_indicator(task, y_true), _as_indicator(task, y_pred)
    f = [_prf(float(np.sum(t[:, j] & p[:, j])), float(np.sum((1 - t[:, j]) & p[:, j])),
              float(np.sum(t[:, j] & (1 - p[:, j]))))[2] for j in range(t.shape[1])]
    return float(np.mean(f))


def task_metrics(task: Task, y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, Any]:
    """Metrics for one task; ``y`` as class ids (single-label) or 0/1 matrices (multi-label)."""
    t, p = _as_indicator(task, y_true), _as_indicator(task, y_pred)
    per = {}
    for j, lab in enumerate(task.labels):
        tp = float(np.sum(t[:, j] & p[:, j]))
        fp = float(np.sum((1 - t[:, j]) & p[:, j]))
        fn = float(np.sum(t[:, j] & (1 - p[:, j])))
        pr, rc, f1 = _prf(tp, fp, fn)
        per[lab] = {"precision": pr, "recall": rc, "f1": f1, "support": int(t[:, j].sum())}
    out: dict[str, Any] = {"n": int(len(t)), "macro_f1": float(np.mean([v["f1"] for v in per.values()])),
                           "labels": per}
    if task.multi_label:
        tp, fp, fn = float(np.sum(t & p)), float(np.sum((1 - t) & p)), float(np.sum(t & (1 - p)))
        out["micro_f1"] = _prf(tp, fp, fn)[2]
        out["exact_match"] = float(np.mean(np.all(t == p, axis=1))) if len(t) else 0.0
    else:
        yt, yp = np.asarray(y_true), np.asarray(y_pred)
        out["accuracy"] = float(np.mean(yt == yp)) if len(yt) else 0.0
        cm = np.zeros((len(task.labels), len(task.labels)), dtype=np.int64)
        np.add.at(cm, (yt, yp), 1)
        out["confusion"] = {"labels": list(task.labels), "rows_true_cols_pred": cm.tolist()}
    return out


def bootstrap_ci(stat: Callable[[np.ndarray], float], groups: np.ndarray, *, n_boot: int = 1000,
                 seed: int = 0, level: float = 0.95) -> tuple[float, float]:
    """Percentile interval of ``stat(indices)`` resampling whole documents (cluster bootstrap)."""
    rng = np.random.default_rng(seed)
    uniq, inv = np.unique(groups, return_inverse=True)
    members = [np.flatnonzero(inv == g) for g in range(len(uniq))]
    vals = []
    for _ in range(n_boot):
        pick = rng.integers(0, len(uniq), len(uniq))
        vals.append(stat(np.concatenate([members[g] for g in pick])))
    lo, hi = np.percentile(vals, [(1 - level) / 2 * 100, (1 + level) / 2 * 100])
    return float(lo), float(hi)
