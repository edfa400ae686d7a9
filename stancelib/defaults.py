"""Where the shipped default model lives."""

from __future__ import annotations

import os
from pathlib import Path


def default_model_path() -> Path:
    """``$STANCELIB_MODEL``, else ``models/default`` of the source checkout."""
    if os.environ.get("STANCELIB_MODEL"):
        return Path(os.environ["STANCELIB_MODEL"])
    return Path(__file__).resolve().parent.parent / "models" / "default"
