"""stancelib: topics, stance and frame in news coverage of South Korea–China relations.

    import stancelib
    model = stancelib.load("models/default")
    model.predict(["Seoul and Beijing agreed to deepen trade ties."])
    model = stancelib.train("annotations/", backend="tfidf")
"""

from stancelib.model import Model
from stancelib.scheme import Scheme, Task
from stancelib.training import available_backends, register_backend
from stancelib.training.train import train

__version__ = "0.1.0"


def load(path: str = "default", **kwargs) -> Model:
    """Load a saved model folder (``"default"``: the model shipped in ``models/default``)."""
    from stancelib.defaults import default_model_path

    return Model.load(default_model_path() if path == "default" else path, **kwargs)


def evaluate(*args, **kwargs):
    """Document-grouped cross-validation; see :func:`stancelib.evaluation.cv.cross_validate`."""
    from stancelib.evaluation.cv import cross_validate

    return cross_validate(*args, **kwargs)


__all__ = ["load", "train", "evaluate", "Model", "Scheme", "Task", "register_backend", "available_backends"]
