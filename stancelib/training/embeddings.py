"""``embeddings``: a frozen sentence encoder with per-task linear heads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from stancelib.persistence import load_tensors, save_tensors
from stancelib.scheme import Scheme
from stancelib.training.base import Backend, Probas, Targets
from stancelib.training.encoders import encoder_info, resolve_encoder, shared_encoder
from stancelib.training.heads import LinearHeads
from stancelib.training.registry import register_backend


@register_backend("embeddings")
class EmbeddingsBackend(Backend):
    """Frozen all-MiniLM-L6-v2 (or ``encoder="mpnet"``, or a local folder) plus logistic-regression heads.

    Only the heads are trained and saved (a few hundred KB); the encoder comes
    from its package and is checked by sha256 on load.
    """

    defaults = {"encoder": "minilm", "C": 2.0, "batch_size": 64}

    @property
    def encoder(self):
        return shared_encoder(str(resolve_encoder(self.options["encoder"])), self.options["batch_size"])

    def fit(self, texts: Sequence[str], targets: Targets, *, progress: bool = False) -> "EmbeddingsBackend":
        X = self.encoder.encode(list(texts), progress=progress)
        self.heads = LinearHeads(self.scheme, C=self.options["C"]).fit(X, targets)
        return self

    def predict_proba(self, texts: Sequence[str]) -> Probas:
        return self.heads.predict_proba(self.encoder.encode(list(texts)))

    def save(self, folder: Path) -> None:
        save_tensors(self.heads.tensors(), folder / "heads.safetensors")

    @classmethod
    def load(cls, folder: Path, scheme: Scheme, options: dict[str, Any]) -> "EmbeddingsBackend":
        b = cls(scheme, **options)
        b.heads = LinearHeads.from_tensors(scheme, load_tensors(folder / "heads.safetensors"))
        return b

    def describe(self) -> dict[str, Any]:
        return {"encoder": encoder_info(resolve_encoder(self.options["encoder"]))}
