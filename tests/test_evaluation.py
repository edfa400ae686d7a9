import json

import numpy as np

from stancelib.cli import main
from stancelib.evaluation.cv import cross_validate, evaluate_model
from stancelib.evaluation.metrics import task_metrics
from stancelib.scheme import Scheme


def test_metrics_by_hand():
    t = Scheme.default()["stance"]
    m = task_metrics(t, np.array([0, 0, 1, 2]), np.array([0, 1, 1, 2]))
    assert m["labels"]["favor"] == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2}
    assert m["confusion"]["rows_true_cols_pred"] == [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    assert abs(m["accuracy"] - 0.75) < 1e-9


def test_cv_is_grouped_by_document_and_skips_written(custom_records, custom_scheme, monkeypatch):
    import stancelib.training.train as tr

    recs = [r for r in custom_records]
    recs[0].origin = "written"
    seen = []
    real_train = tr.train

    def spy(records, *a, **k):
        seen.append({r.doc_id for r in records})
        return real_train(records, *a, **k)

    monkeypatch.setattr(tr, "train", spy)
    rep = cross_validate(recs, custom_scheme, "tfidf", folds=3, n_boot=50)
    docs = {r.doc_id for r in recs}
    assert len(seen) == 3 and all(0 < len(s) < len(docs) for s in seen)
    assert rep["n"] == len(recs) - 1 and rep["grouped_by"] == "doc_id"
    lo, hi = rep["tasks"]["tone"]["macro_f1_ci95"]
    assert lo <= rep["tasks"]["tone"]["macro_f1"] <= hi
    recs[0].origin = "real"


def test_cli_evaluate_writes_json(tmp_path, capsys):
    from tests.conftest import ANNOTATIONS

    out = tmp_path / "r.json"
    assert main(["evaluate", str(ANNOTATIONS / "seeds.jsonl"), "--compare", "tfidf,embeddings", "--folds", "3",
                 "--bootstrap", "50", "-o", str(out)]) == 0
    reps = json.loads(out.read_text())
    assert [r["backend"] for r in reps] == ["tfidf", "embeddings"]
    text = capsys.readouterr().out
    assert "grouped by doc_id" in text and "confusion" in text


def test_evaluate_trained_model(seed_records, tmp_path):
    import stancelib

    m = stancelib.train(seed_records[:80], backend="tfidf", calibration_folds=0)
    rep = evaluate_model(m, seed_records[80:], n_boot=20)
    assert rep["n"] == len(seed_records) - 80 and set(rep["tasks"]) == {"topics", "stance", "frame"}
