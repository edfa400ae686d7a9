"""``stancelib.train``: one entry point for every backend."""

from __future__ import annotations

import datetime as _dt
import time
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

from stancelib.evaluation.metrics import task_metrics
from stancelib.model import Model, library_versions
from stancelib.scheme import resolve_scheme
from stancelib.training.base import Backend, Probas, Targets, encode_targets
from stancelib.training.calibration import calibrate, decide, fit_calibration, identity_calibration
from stancelib.training.data import as_records, fingerprint, groups_of
from stancelib.training.registry import get_backend


def _subset(targets: Targets, idx: np.ndarray) -> Targets:
    return {k: v[idx] for k, v in targets.items()}


def out_of_fold(backend: Backend, texts: list[str], targets: Targets, groups: list[str], folds: int,
                seed: int = 0, progress: bool = False) -> tuple[Probas, np.ndarray]:
    """Raw probabilities for held-out documents: k-fold by document, or one 20% split when ``folds == 1``.

    Returns the probabilities and the indices they belong to.
    """
    g = np.asarray(groups)
    n_groups = len(set(groups))
    if folds >= 2 and n_groups >= 2:
        splits = list(GroupKFold(n_splits=min(folds, n_groups)).split(texts, groups=g))
    else:
        splits = list(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed).split(texts, groups=g))
    idx_all, parts = [], []
    for k, (tr, te) in enumerate(splits):
        b = backend.clone().fit([texts[i] for i in tr], _subset(targets, tr), progress=False)
        parts.append(b.predict_proba([texts[i] for i in te]))
        idx_all.append(te)
        if progress:
            print(f"  calibration fold {k + 1}/{len(splits)} done", flush=True)
    idx = np.concatenate(idx_all)
    return {t: np.concatenate([p[t] for p in parts]) for t in parts[0]}, idx


def train(annotations: Any, scheme: Any = None, backend: str = "hybrid", *, calibration_folds: int | None = None,
          seed: int = 0, corpus: Any = None, progress: bool = False, **options: Any) -> Model:
    """Train a model on annotations (paths, records or dicts) for every task of ``scheme``.

    ``calibration_folds`` document-grouped folds pick thresholds and calibrate
    scores (default 5 for cheap backends, a single 20% hold-out for the
    fine-tuning ones); 0 skips calibration. Other keyword arguments are the
    backend's options (see ``stancelib.training.get_backend(name).defaults``).
    """
    scheme = resolve_scheme(scheme)
    records = as_records(annotations, scheme, corpus=corpus)
    if len(records) < 4:
        raise ValueError(f"need at least 4 annotated sentences to train, got {len(records)}")
    texts = [r.text for r in records]
    targets = encode_targets([r.labels for r in records], scheme)
    groups = groups_of(records)
    cls = get_backend(backend)
    proto = cls(scheme, **options)
    folds = (5 if cls.cheap_refit else 1) if calibration_folds is None else calibration_folds
    started = time.perf_counter()
    cv: dict[str, Any] = {}
    if folds:
        oof, idx = out_of_fold(proto, texts, targets, groups, folds, seed, progress)
        sub = _subset(targets, idx)
        calibration = fit_calibration(oof, sub, scheme)
        dec = decide(calibrate(oof, calibration, scheme), calibration, scheme)
        cv = {"folds": folds, "grouped_by": "doc_id", "n": int(len(idx)),
              "note": "out-of-fold scores after calibration fitted on the same folds (slightly optimistic); "
                      "use `stancelib evaluate` for nested, honest figures",
              "tasks": {t.name: {k: v for k, v in task_metrics(t, sub[t.name], dec[t.name]).items()
                                 if k in ("macro_f1", "micro_f1", "accuracy", "n")} for t in scheme}}
    else:
        calibration = identity_calibration(scheme)
    final = proto.clone().fit(texts, targets, progress=progress)
    meta = {"created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "training_data": fingerprint(records), "train_seconds": round(time.perf_counter() - started, 2),
            "seed": seed, "cross_validation": cv, "versions": library_versions(), "backend_info": final.describe()}
    return Model(scheme, final, calibration, meta)
