"""Calibrated scores and decisions from out-of-fold predictions.

Multi-label tasks: per label, Platt scaling of the raw score, then the
decision threshold that maximises that label's F1 on out-of-fold data.
Single-label tasks: temperature scaling of the log-probabilities (NLL).
The fitted values are a few numbers per label, stored in model.json.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.optimize import minimize_scalar

from stancelib.scheme import Scheme
from stancelib.training.base import Probas, Targets

EPS = 1e-6
GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, EPS, 1 - EPS)
    return np.log(p) - np.log1p(-p)


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Fit p = sigmoid(a*z + b) by maximum likelihood (a > 0)."""
    def nll(params):
        a, b = params
        q = 1 / (1 + np.exp(-np.clip(a * z + b, -50, 50)))
        q = np.clip(q, EPS, 1 - EPS)
        return -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))
    from scipy.optimize import minimize
    res = minimize(nll, x0=[1.0, 0.0], method="L-BFGS-B", bounds=[(0.05, 20.0), (-20.0, 20.0)])
    return float(res.x[0]), float(res.x[1])


def _best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    best, best_f1 = 0.5, -1.0
    for t in GRID:
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / (pred.sum() + y.sum()) if (pred.sum() + y.sum()) else 0.0
        if f1 > best_f1 + 1e-9 or (abs(f1 - best_f1) <= 1e-9 and abs(t - 0.5) < abs(best - 0.5)):
            best, best_f1 = float(t), f1
    return best


def fit_calibration(oof: Probas, targets: Targets, scheme: Scheme) -> dict[str, Any]:
    """Calibration and thresholds per task from out-of-fold probabilities and true targets."""
    out: dict[str, Any] = {}
    for t in scheme:
        p, y = oof[t.name], targets[t.name]
        if t.multi_label:
            labels = {}
            for j, lab in enumerate(t.labels):
                yj = y[:, j]
                if yj.sum() < 2 or yj.sum() > len(yj) - 2:
                    labels[lab] = {"a": 1.0, "b": 0.0, "threshold": 0.5}
                    continue
                a, b = _platt(_logit(p[:, j]), yj)
                q = 1 / (1 + np.exp(-(a * _logit(p[:, j]) + b)))
                labels[lab] = {"a": a, "b": b, "threshold": _best_threshold(q, yj)}
            out[t.name] = {"method": "platt+threshold", "labels": labels}
        else:
            logp = np.log(np.clip(p, EPS, 1.0))

            def nll(log_t):
                z = logp / np.exp(log_t)
                z = z - z.max(axis=1, keepdims=True)
                lse = np.log(np.exp(z).sum(axis=1))
                return float(np.mean(lse - z[np.arange(len(y)), y]))
            res = minimize_scalar(nll, bounds=(-3, 3), method="bounded")
            out[t.name] = {"method": "temperature", "temperature": float(np.exp(res.x))}
    return out


def identity_calibration(scheme: Scheme) -> dict[str, Any]:
    return {t.name: ({"method": "platt+threshold",
                      "labels": {l: {"a": 1.0, "b": 0.0, "threshold": 0.5} for l in t.labels}}
                     if t.multi_label else {"method": "temperature", "temperature": 1.0}) for t in scheme}


def calibrate(probas: Probas, calibration: dict[str, Any], scheme: Scheme) -> Probas:
    """Apply the fitted calibration to raw backend probabilities."""
    out: Probas = {}
    for t in scheme:
        p, c = probas[t.name], calibration[t.name]
        if t.multi_label:
            a = np.array([c["labels"][l]["a"] for l in t.labels])
            b = np.array([c["labels"][l]["b"] for l in t.labels])
            out[t.name] = 1 / (1 + np.exp(-np.clip(a * _logit(p) + b, -50, 50)))
        else:
            z = np.log(np.clip(p, EPS, 1.0)) / c["temperature"]
            z = z - z.max(axis=1, keepdims=True)
            e = np.exp(z)
            out[t.name] = e / e.sum(axis=1, keepdims=True)
    return out


def decide(calibrated: Probas, calibration: dict[str, Any], scheme: Scheme) -> dict[str, np.ndarray]:
    """Per task: (n, L) 0/1 decisions for multi-label, (n,) class ids for single-label."""
    out = {}
    for t in scheme:
        p = calibrated[t.name]
        if t.multi_label:
            thr = np.array([calibration[t.name]["labels"][l]["threshold"] for l in t.labels])
            out[t.name] = (p >= thr).astype(np.int64)
        else:
            out[t.name] = p.argmax(axis=1)
    return out
