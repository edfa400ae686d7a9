"""Linear heads over feature vectors: scikit-learn fits them, numpy applies them.

Weights are plain arrays, so they save to safetensors and reload exactly.
Single-label tasks get a class-balanced multinomial logistic regression;
multi-label tasks one class-balanced binary logistic regression per label.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from stancelib.scheme import Scheme
from stancelib.training.base import Probas, Targets


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


class LinearHeads:
    """One linear layer per task: ``weights[task]`` (L, d) and ``bias[task]`` (L,)."""

    def __init__(self, scheme: Scheme, C: float = 1.0, max_iter: int = 2000):
        self.scheme, self.C, self.max_iter = scheme, C, max_iter
        self.weights: dict[str, np.ndarray] = {}
        self.bias: dict[str, np.ndarray] = {}

    def _binary(self, sparse_input: bool = True) -> LogisticRegression:
        solver = "liblinear" if sparse_input else "lbfgs"
        return LogisticRegression(C=self.C, class_weight="balanced", max_iter=self.max_iter, solver=solver)

    def fit(self, X, targets: Targets) -> "LinearHeads":
        for t in self.scheme:
            y = targets[t.name]
            L = len(t.labels)
            W = np.zeros((L, X.shape[1]), dtype=np.float64)
            b = np.zeros(L, dtype=np.float64)
            if t.multi_label:
                for j in range(L):
                    yj = y[:, j]
                    if yj.min() == yj.max():  # label never (or always) seen: constant prior
                        b[j] = -8.0 if yj.max() == 0 else 8.0
                        continue
                    lr = self._binary(sparse.issparse(X))
                    lr.fit(X, yj)
                    W[j], b[j] = lr.coef_[0], lr.intercept_[0]
            else:
                present = np.unique(y)
                if len(present) == 1:
                    b[:] = -8.0
                    b[present[0]] = 8.0
                elif sparse.issparse(X) and len(present) > 2:
                    # sparse n-gram features: one-vs-rest liblinear is ~10x faster than multinomial
                    # lbfgs; the rows still form one softmax layer, which calibration then scales
                    for k in present:
                        lr = self._binary()
                        lr.fit(X, (y == k).astype(np.int64))
                        W[k], b[k] = lr.coef_[0], lr.intercept_[0]
                    b[[k for k in range(L) if k not in present]] = -50.0
                else:
                    lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=self.max_iter)
                    lr.fit(X, y)
                    if len(present) == 2:  # binary LR: one row of weights for class present[1]
                        W[present[1]], b[present[1]] = lr.coef_[0], lr.intercept_[0]
                        b[[k for k in range(L) if k not in present]] = -50.0
                    else:
                        W[present], b[present] = lr.coef_, lr.intercept_
                        b[[k for k in range(L) if k not in present]] = -50.0
            self.weights[t.name], self.bias[t.name] = W.astype(np.float32), b.astype(np.float32)
        return self

    def predict_proba(self, X) -> Probas:
        out: Probas = {}
        for t in self.scheme:
            z = X @ self.weights[t.name].T
            z = np.asarray(z, dtype=np.float64) + self.bias[t.name]
            out[t.name] = _sigmoid(z) if t.multi_label else _softmax(z)
        return out

    def tensors(self, prefix: str = "") -> dict[str, np.ndarray]:
        d = {}
        for t in self.scheme:
            d[f"{prefix}{t.name}.weight"] = np.ascontiguousarray(self.weights[t.name])
            d[f"{prefix}{t.name}.bias"] = np.ascontiguousarray(self.bias[t.name])
        return d

    @classmethod
    def from_tensors(cls, scheme: Scheme, tensors: dict[str, np.ndarray], prefix: str = "", **kw) -> "LinearHeads":
        h = cls(scheme, **kw)
        for t in scheme:
            h.weights[t.name] = tensors[f"{prefix}{t.name}.weight"]
            h.bias[t.name] = tensors[f"{prefix}{t.name}.bias"]
        return h
