"""One contract test for every backend: train a custom scheme, predict, save, load, predict again."""

import json

import pytest

import stancelib
from stancelib.persistence import UnsafeModelError

TINY = {
    "tfidf": {},
    "embeddings": {},
    "hybrid": {},
    "setfit": {"num_iterations": 2, "max_steps": 8, "batch_size": 8},
    "transformer": {"epochs": 1, "max_steps": 6, "batch_size": 8, "max_length": 48},
}


@pytest.fixture(scope="module")
def small(custom_records):
    return custom_records[:60]


@pytest.mark.parametrize("backend", list(TINY))
def test_backend_contract(backend, small, custom_scheme, tmp_path):
    model = stancelib.train(small, custom_scheme, backend, calibration_folds=2, **TINY[backend])
    texts = [r.text for r in small[:12]]
    pred = model.predict(texts, return_scores=True)
    for row in pred:
        assert row["tone"] in ("positive", "negative", "neutral")
        assert set(row["subjects"]) <= {"economy", "military", "washington"}
        assert abs(sum(row["scores"]["tone"].values()) - 1) < 1e-4
    model.save(tmp_path / "m")
    info = json.loads((tmp_path / "m" / "model.json").read_text())
    assert info["backend"] == backend and info["scheme"]["name"] == "team-tone"
    assert info["training_data"]["records"] == 60 and len(info["training_data"]["sha256"]) == 64
    assert "README.md" in {p.name for p in (tmp_path / "m").iterdir()}
    again = stancelib.load(tmp_path / "m")
    assert again.predict(texts, return_scores=True) == pred


def test_default_scheme_embeddings_learns_seeds(seed_records):
    """Trained on four seed articles, the model beats the majority class on the fifth."""
    import numpy as np

    held = seed_records[0].doc_id
    train = [r for r in seed_records if r.doc_id != held]
    test = [r for r in seed_records if r.doc_id == held]
    model = stancelib.train(train, backend="embeddings")
    pred = model.predict([r.text for r in test])
    acc = np.mean([p["stance"] == r.labels["stance"] for p, r in zip(pred, test)])
    majority = max(np.mean([r.labels["stance"] == s for r in test]) for s in ("favor", "against", "neutral"))
    assert acc >= majority - 0.05


def test_loading_refuses_pickle(tmp_path, small, custom_scheme):
    model = stancelib.train(small, custom_scheme, "tfidf", calibration_folds=0)
    model.save(tmp_path / "m")
    import pickle

    (tmp_path / "m" / "extra.pkl").write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(UnsafeModelError, match="pickle"):
        stancelib.load(tmp_path / "m")
    (tmp_path / "m" / "extra.pkl").unlink()
    (tmp_path / "m" / "weights.safetensors").write_bytes(pickle.dumps([1, 2]))
    with pytest.raises(UnsafeModelError, match="not a valid safetensors"):
        stancelib.load(tmp_path / "m")


def test_save_never_overwrites_a_foreign_folder(tmp_path, small, custom_scheme):
    model = stancelib.train(small, custom_scheme, "tfidf", calibration_folds=0)
    (tmp_path / "notes.json").write_text("{}")
    with pytest.raises(FileExistsError, match="holds no stancelib model"):
        model.save(tmp_path)
    assert (tmp_path / "notes.json").read_text() == "{}"
    model.save(tmp_path / "m")
    model.save(tmp_path / "m")  # re-saving over a model folder is fine
    assert stancelib.load(tmp_path / "m").predict([small[0].text]) == model.predict([small[0].text])


def test_registry_accepts_a_team_backend(small, custom_scheme, tmp_path):
    from stancelib.training import Backend, register_backend
    from stancelib.training.tfidf import TfidfBackend

    @register_backend("team-tfidf")
    class TeamBackend(TfidfBackend):
        defaults = {**TfidfBackend.defaults, "C": 0.5}

    assert "team-tfidf" in stancelib.available_backends()
    m = stancelib.train(small, custom_scheme, "team-tfidf", calibration_folds=0)
    m.save(tmp_path / "t")
    assert stancelib.load(tmp_path / "t").backend.options["C"] == 0.5
    with pytest.raises(ValueError, match="unknown backend"):
        stancelib.train(small, custom_scheme, "no-such-backend")
    with pytest.raises(TypeError, match="unknown option"):
        stancelib.train(small, custom_scheme, "tfidf", colour="red")
