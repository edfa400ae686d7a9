"""``setfit``: contrastive fine-tuning of the sentence encoder (SetFit), then per-task linear heads."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from stancelib.persistence import load_tensors, save_tensors
from stancelib.scheme import Scheme
from stancelib.training.base import Backend, Probas, Targets
from stancelib.training.encoders import Encoder, encoder_info, resolve_encoder
from stancelib.training.heads import LinearHeads
from stancelib.training.registry import register_backend


@register_backend("setfit")
class SetFitBackend(Backend):
    """SetFit's contrastive body training on one task's labels, with class-balanced heads for every task.

    ``contrastive_task`` picks the task whose labels define similar pairs
    (default: the single-label task with the most labels). The fine-tuned
    encoder is saved with the model (safetensors), since it was trained.
    """

    cheap_refit = False
    defaults = {"encoder": "minilm", "contrastive_task": None, "num_iterations": 10, "num_epochs": 1,
                "batch_size": 16, "learning_rate": 2e-5, "C": 2.0, "max_steps": -1, "seed": 0}

    def _task(self) -> str:
        if self.options["contrastive_task"]:
            return self.options["contrastive_task"]
        single = [t for t in self.scheme if not t.multi_label]
        return max(single, key=lambda t: len(t.labels)).name if single else self.scheme.tasks[0].name

    def fit(self, texts: Sequence[str], targets: Targets, *, progress: bool = False) -> "SetFitBackend":
        from datasets import Dataset
        from setfit import SetFitModel, Trainer, TrainingArguments

        o = self.options
        task = self.scheme[self._task()]
        y = targets[task.name]
        labels = ["|".join(str(v) for v in row) for row in y] if task.multi_label else [int(v) for v in y]
        model = SetFitModel.from_pretrained(str(resolve_encoder(o["encoder"])))
        with tempfile.TemporaryDirectory(prefix="stancelib-setfit-") as tmp:
            args = TrainingArguments(output_dir=tmp, batch_size=o["batch_size"], num_epochs=o["num_epochs"],
                                     num_iterations=o["num_iterations"], body_learning_rate=o["learning_rate"],
                                     max_steps=o["max_steps"], seed=o["seed"], save_strategy="no",
                                     report_to="none", show_progress_bar=progress)
            trainer = Trainer(model=model, args=args,
                              train_dataset=Dataset.from_dict({"text": list(texts), "label": labels}))
            trainer.train_embeddings(*trainer.dataset_to_parameters(trainer.train_dataset), args=args)
        self.body = model.model_body
        X = self._encode(texts)
        self.heads = LinearHeads(self.scheme, C=o["C"]).fit(X, targets)
        return self

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.body.encode(list(texts), batch_size=64, convert_to_numpy=True, normalize_embeddings=True,
                                show_progress_bar=False)

    def predict_proba(self, texts: Sequence[str]) -> Probas:
        return self.heads.predict_proba(self._encode(texts))

    def save(self, folder: Path) -> None:
        self.body.save(str(folder / "body"))
        save_tensors(self.heads.tensors(), folder / "heads.safetensors")

    @classmethod
    def load(cls, folder: Path, scheme: Scheme, options: dict[str, Any]) -> "SetFitBackend":
        b = cls(scheme, **options)
        b.body = Encoder(folder / "body").model
        b.heads = LinearHeads.from_tensors(scheme, load_tensors(folder / "heads.safetensors"))
        return b

    def describe(self) -> dict[str, Any]:
        return {"base_encoder": encoder_info(resolve_encoder(self.options["encoder"]))}
