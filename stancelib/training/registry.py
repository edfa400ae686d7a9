"""The backend registry: backends are found by name; third-party ones register too.

A team adds its own backend without touching stancelib, either in code::

    @stancelib.register_backend("my-backend")
    class MyBackend(stancelib.training.Backend): ...

or through an entry point in its package's ``pyproject.toml``::

    [project.entry-points."stancelib.backends"]
    my-backend = "mypackage.backend:MyBackend"
"""

from __future__ import annotations

from typing import Callable, TypeVar

import catalogue

backends = catalogue.create("stancelib", "backends", entry_points=True)
T = TypeVar("T")

_BUILTIN = {
    "tfidf": "stancelib.training.tfidf",
    "embeddings": "stancelib.training.embeddings",
    "hybrid": "stancelib.training.hybrid",
    "setfit": "stancelib.training.setfit_backend",
    "transformer": "stancelib.training.transformer",
}


def register_backend(name: str) -> Callable[[T], T]:
    """Class decorator that makes a backend available to ``train(..., backend=name)``."""
    def deco(cls: T) -> T:
        backends.register(name, func=cls)
        setattr(cls, "name", name)
        return cls
    return deco


def get_backend(name: str):
    """The backend class registered under ``name`` (built-ins are imported on first use)."""
    if name in _BUILTIN and name not in backends.get_all():
        import importlib
        importlib.import_module(_BUILTIN[name])
    try:
        return backends.get(name)
    except catalogue.RegistryError:
        raise ValueError(f"unknown backend {name!r}; available: {', '.join(available_backends())}") from None


def available_backends() -> list[str]:
    return sorted(set(_BUILTIN) | set(backends.get_all()))
