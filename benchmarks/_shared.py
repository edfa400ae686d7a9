"""Helpers for benchmark scripts: where ../shared is, timing and peak memory of a call."""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STANCELIB_SHARED", REPO.parent / "shared"))


def need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"missing {path}: run beside the project's shared/ folder or set STANCELIB_SHARED")
    return path


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """Result, seconds, and the process's peak resident memory in MB so far."""
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
