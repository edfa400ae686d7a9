"""Training: the backend contract, the registry, built-in backends, calibration and ``train``."""

from stancelib.training.base import Backend, encode_targets
from stancelib.training.registry import available_backends, get_backend, register_backend


def train(*args, **kwargs):
    """See :func:`stancelib.training.train.train`."""
    from stancelib.training.train import train as _train

    return _train(*args, **kwargs)


__all__ = ["Backend", "encode_targets", "available_backends", "get_backend", "register_backend", "train"]
