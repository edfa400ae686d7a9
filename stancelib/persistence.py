"""Safe model files: safetensors and JSON only. Anything else is refused.

Pickle can run code when loaded; a stancelib model folder never contains it,
and ``load`` refuses pickles and any file type outside the allowlist.
scikit-learn parts are stored as their arrays (safetensors) and settings
and vocabularies (JSON), and rebuilt on load.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

ALLOWED_SUFFIXES = {".json", ".safetensors", ".md", ".txt", ".model"}
ALLOWED_NAMES = {"vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                 "config.json", "sentence_bert_config.json", "modules.json", "config_sentence_transformers.json",
                 "README.md"}
PICKLE_MAGIC = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05")


class UnsafeModelError(ValueError):
    """A model folder holds a file stancelib will not load."""


def _is_safetensors(path: Path) -> bool:
    """A real safetensors file: 8-byte little-endian header size, then a JSON header."""
    with open(path, "rb") as fh:
        size = int.from_bytes(fh.read(8), "little")
        if not 2 <= size <= 100_000_000:
            return False
        try:
            return isinstance(json.loads(fh.read(size)), dict)
        except (UnicodeDecodeError, json.JSONDecodeError):
            return False


def check_folder(folder: Path) -> None:
    """Refuse pickles, fake safetensors and unknown file types anywhere under ``folder``."""
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        if p.suffix == ".safetensors":
            if not _is_safetensors(p):
                raise UnsafeModelError(f"{p}: not a valid safetensors file (refusing to load it; it may be a "
                                       "pickle renamed)")
            continue
        with open(p, "rb") as fh:
            head = fh.read(2)
        if head in PICKLE_MAGIC or p.suffix in {".pkl", ".pickle", ".bin", ".pt", ".pth", ".joblib", ".npy", ".npz",
                                                ".skops"}:
            raise UnsafeModelError(f"{p}: refusing to load a pickle-based or executable-state file; "
                                   "stancelib models use safetensors and JSON only")
        if p.suffix not in ALLOWED_SUFFIXES and p.name not in ALLOWED_NAMES:
            raise UnsafeModelError(f"{p}: unexpected file type {p.suffix or p.name!r} in a model folder")


def save_tensors(tensors: dict[str, np.ndarray], path: Path, metadata: dict[str, str] | None = None) -> None:
    from safetensors.numpy import save_file

    save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, str(path), metadata=metadata)


def load_tensors(path: Path) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    return load_file(str(path))


def write_json(data: Any, path: Path) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: not found; is {path.parent} a stancelib model folder?") from None
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}:{e.lineno}: not valid JSON ({e.msg})") from None


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()
