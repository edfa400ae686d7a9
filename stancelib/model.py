"""The trained model: predict, predict_proba, predict_article, save and load."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from stancelib.persistence import UnsafeModelError, check_folder, read_json, write_json
from stancelib.scheme import Scheme
from stancelib.training.base import Backend
from stancelib.training.calibration import calibrate, decide
from stancelib.training.registry import get_backend

FORMAT = "stancelib-model/1"


class Model:
    """A backend, its calibration and thresholds, and what is known about how it was trained."""

    def __init__(self, scheme: Scheme, backend: Backend, calibration: dict[str, Any], meta: dict[str, Any]):
        self.scheme, self.backend, self.calibration, self.meta = scheme, backend, calibration, meta

    def __repr__(self) -> str:
        return f"Model(backend={self.backend.name!r}, scheme={self.scheme.name!r}, tasks={self.scheme.task_names})"

    # -- prediction -----------------------------------------------------------------
    def _probas(self, texts: Sequence[str], batch_size: int = 256) -> dict[str, np.ndarray]:
        if isinstance(texts, str):
            raise TypeError("predict takes a list of sentences; wrap a single one in a list")
        texts = list(texts)
        chunks = [calibrate(self.backend.predict_proba(texts[i:i + batch_size]), self.calibration, self.scheme)
                  for i in range(0, len(texts), batch_size)]
        if not chunks:
            return {t.name: np.zeros((0, len(t.labels))) for t in self.scheme}
        return {t.name: np.concatenate([c[t.name] for c in chunks]) for t in self.scheme}

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, dict[str, float]]]:
        """Calibrated probability of every label of every task, one dict per sentence."""
        probas = self._probas(texts)
        return [{t.name: {l: float(probas[t.name][i, j]) for j, l in enumerate(t.labels)} for t in self.scheme}
                for i in range(len(texts))]

    def predict(self, texts: Sequence[str], *, return_scores: bool = False) -> list[dict[str, Any]]:
        """Labels per task for each sentence: a label (single-label) or a list (multi-label).

        With ``return_scores`` each row also has ``"scores"``: {task: {label: probability}}.
        """
        probas = self._probas(texts)
        dec = decide(probas, self.calibration, self.scheme)
        rows = []
        for i in range(len(texts)):
            row: dict[str, Any] = {}
            for t in self.scheme:
                if t.multi_label:
                    row[t.name] = [l for j, l in enumerate(t.labels) if dec[t.name][i, j]]
                else:
                    row[t.name] = t.labels[int(dec[t.name][i])]
            if return_scores:
                row["scores"] = {t.name: {l: round(float(probas[t.name][i, j]), 6) for j, l in enumerate(t.labels)}
                                 for t in self.scheme}
            rows.append(row)
        return rows

    def predict_article(self, text: str, *, return_scores: bool = False) -> list[dict[str, Any]]:
        """Split raw article text into sentences (debris dropped) and label each, with offsets."""
        from stancelib.text import segment_article

        sents = segment_article(text)
        preds = self.predict([s.text for s in sents], return_scores=return_scores)
        return [{"sentence_index": s.index, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind, **p}
                for s, p in zip(sents, preds)]

    # -- persistence ----------------------------------------------------------------
    def save(self, folder: str | Path) -> Path:
        """Write model.json, the backend's safe weight files and a model card README.md."""
        from stancelib.card import model_card

        folder = Path(folder)
        if folder.is_dir() and any(folder.iterdir()) and not (folder / "model.json").is_file():
            raise FileExistsError(f"{folder}: folder is not empty and holds no stancelib model; "
                                  "refusing to write into it")
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():  # replacing an earlier model: drop its weight files first
            if old.is_file() and old.suffix in {".safetensors", ".json"}:
                old.unlink()
        self.backend.save(folder)
        write_json({"format": FORMAT, **self.meta, "scheme": self.scheme.to_dict(), "backend": self.backend.name,
                    "options": _jsonable(self.backend.get_params()), "calibration": self.calibration},
                   folder / "model.json")
        (folder / "README.md").write_text(model_card(self), encoding="utf-8")
        return folder

    @classmethod
    def load(cls, folder: str | Path, *, check_encoder: bool = True) -> "Model":
        """Load a model folder; refuses pickle and unknown files, and a changed encoder."""
        folder = Path(folder)
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: model folder not found")
        check_folder(folder)
        info = read_json(folder / "model.json")
        if info.get("format") != FORMAT:
            raise UnsafeModelError(f"{folder / 'model.json'}: format {info.get('format')!r}, expected {FORMAT!r}")
        scheme = Scheme.from_dict(info["scheme"], source=str(folder / "model.json"))
        backend = get_backend(info["backend"]).load(folder, scheme, info.get("options", {}))
        meta = {k: v for k, v in info.items() if k not in {"format", "scheme", "backend", "options", "calibration"}}
        model = cls(scheme, backend, info["calibration"], meta)
        want = (meta.get("backend_info") or {}).get("encoder", {}).get("sha256")
        if check_encoder and want:
            have = backend.describe().get("encoder", {}).get("sha256")
            if have != want:
                raise ValueError(f"{folder}: the encoder on this machine (sha256 {have}) is not the one the model "
                                 f"was trained with ({want}); install the same encoder package")
        return model


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, (np.floating, np.integer)):
        return v.item()
    return v


def library_versions() -> dict[str, str]:
    from importlib import metadata

    out = {"python": platform.python_version()}
    for dist in ("stancelib", "numpy", "scikit-learn", "torch", "transformers", "sentence-transformers", "setfit"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    return out
