"""The backend contract every classifier implements, and the targets it is trained on."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar, Sequence

import numpy as np

from stancelib.scheme import Scheme

Targets = dict[str, np.ndarray]  # task -> (n,) class ids (single-label) or (n, L) 0/1 (multi-label)
Probas = dict[str, np.ndarray]   # task -> (n, L) probabilities


class Backend(ABC):
    """A trainable text classifier for all tasks of a scheme.

    ``fit`` returns self; ``predict_proba`` gives per-task probabilities
    (rows sum to one for single-label tasks, independent per label for
    multi-label tasks). Options are keyword arguments, visible via
    ``get_params``. ``save``/``load`` use safe formats only (no pickle).
    """

    name: ClassVar[str] = "base"
    #: whether refitting on cross-validation folds is cheap enough to pick thresholds that way
    cheap_refit: ClassVar[bool] = True
    defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, scheme: Scheme, **options: Any):
        unknown = set(options) - set(self.defaults)
        if unknown:
            raise TypeError(f"backend {self.name!r} got unknown option(s) {sorted(unknown)}; "
                            f"known: {sorted(self.defaults)}")
        self.scheme = scheme
        self.options = {**self.defaults, **options}

    def get_params(self) -> dict[str, Any]:
        return dict(self.options)

    def clone(self) -> "Backend":
        """A fresh, unfitted backend with the same options."""
        return type(self)(self.scheme, **self.options)

    @abstractmethod
    def fit(self, texts: Sequence[str], targets: Targets, *, progress: bool = False) -> "Backend": ...

    @abstractmethod
    def predict_proba(self, texts: Sequence[str]) -> Probas: ...

    @abstractmethod
    def save(self, folder: Path) -> None:
        """Write the trained parts into ``folder`` (safetensors or JSON)."""

    @classmethod
    @abstractmethod
    def load(cls, folder: Path, scheme: Scheme, options: dict[str, Any]) -> "Backend": ...

    def describe(self) -> dict[str, Any]:
        """Extra facts for model.json (e.g. the encoder and its sha256)."""
        return {}


def encode_targets(labels: Sequence[dict[str, Any]], scheme: Scheme) -> Targets:
    """Turn per-record label dicts into arrays per task."""
    out: Targets = {}
    for t in scheme:
        if t.multi_label:
            y = np.zeros((len(labels), len(t.labels)), dtype=np.int64)
            for i, lab in enumerate(labels):
                for v in lab[t.name]:
                    y[i, t.index(v)] = 1
        else:
            y = np.array([t.index(lab[t.name]) for lab in labels], dtype=np.int64)
        out[t.name] = y
    return out
