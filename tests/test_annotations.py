import json
import shutil

import pytest

from stancelib.annotations import AnnotationError, load_annotations, read_annotations, text_hash
from stancelib.cli import main
from tests.conftest import ANNOTATIONS, CORPUS, SEEDS, needs_shared


def test_seed_records_are_inline_and_exact(seed_records):
    assert len(seed_records) > 100
    for r in seed_records:
        doc = (SEEDS / f"{r.doc_id.removeprefix('seed-')}.txt").read_text()
        assert doc[r.start:r.end] == r.text
        assert r.origin == "real" and r.annotator


def test_every_seed_sentence_is_labeled_or_judged_debris(seed_records):
    """All five seed articles are in the annotations."""
    assert {r.doc_id for r in seed_records} == {f"seed-{p.stem}" for p in SEEDS.glob("*.txt")}


@needs_shared
def test_shipped_annotations_validate(capsys):
    assert main(["validate", str(ANNOTATIONS), "--corpus", str(CORPUS)]) == 0
    assert "0 problem(s)" in capsys.readouterr().out


@needs_shared
def test_corpus_annotations_are_standoff_and_resolve():
    raw = [json.loads(l) for l in open(ANNOTATIONS / "corpus.jsonl", encoding="utf-8")]
    assert len(raw) >= 2500 and all("text" not in r and len(r["sha256"]) == 64 for r in raw)
    recs = load_annotations(ANNOTATIONS / "corpus.jsonl", corpus=CORPUS)
    assert all(text_hash(r.text) == r.sha256 for r in recs)
    assert len({r.outlet for r in recs}) >= 100


@needs_shared
def test_every_label_has_40_real_examples():
    from stancelib.annotations import label_counts
    from stancelib.scheme import Scheme

    recs = load_annotations(ANNOTATIONS, corpus=CORPUS)
    for task, counts in label_counts([r for r in recs if r.origin == "real"], Scheme.default()).items():
        for label, n in counts.items():
            assert n >= 40, f"{task}:{label} has only {n} examples"


def _seed_line(k=0):
    return json.loads((ANNOTATIONS / "seeds.jsonl").read_text().splitlines()[k])


def test_broken_copy_reports_every_problem_precisely(tmp_path):
    good = [_seed_line(k) for k in range(8)]
    bad = [dict(r) for r in good]
    bad[0]["labels"] = {**bad[0]["labels"], "stance": "hostile"}                      # unknown label
    bad[1]["labels"] = {**bad[1]["labels"], "frame": ["conflict", "stability"]}       # two labels, single task
    del bad[2]["doc_id"]                                                              # missing field
    bad[3]["id"] = bad[4]["id"]                                                       # duplicate id
    bad[5]["text"] = "   "                                                            # empty text
    bad[6]["date"] = "2024-02-30"                                                     # bad date
    lines = [json.dumps(r) for r in bad]
    lines[7] = lines[7][:-5]                                                          # malformed JSON
    f = tmp_path / "broken.jsonl"
    f.write_text("\n".join(lines) + "\n")
    records, problems = read_annotations(f)
    msgs = [str(p) for p in problems]
    expect = [(1, "labels.stance", "unknown label 'hostile'"),
              (2, "labels.frame", "exactly one label, got 2"),
              (3, "doc_id", "missing required field"),
              (5, "id", "duplicate id"),
              (6, "text", "empty text"),
              (7, "date", "not a valid date"),
              (8, "json", "malformed JSON")]
    for line, field, text in expect:
        assert any(m.startswith(f"{f}:{line}: {field}:") and text in m for m in msgs), (line, field, msgs)
    assert [r.id for r in records] == [good[4]["id"]]  # line 4 keeps the id it shares with line 5: only it is clean


def test_cli_validate_fails_with_exit_1_on_broken_copy(tmp_path, capsys):
    r = _seed_line(0)
    r["labels"]["topics"] = ["trade", "weather"]
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(r) + "\n")
    assert main(["validate", str(f)]) == 1
    err = capsys.readouterr().err
    assert f"{f}:1: labels.topics: unknown label 'weather'" in err


@needs_shared
def test_standoff_hash_mismatch_and_missing_corpus(tmp_path):
    first = json.loads((ANNOTATIONS / "corpus.jsonl").read_text().splitlines()[0])
    first["start"] += 1
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps(first) + "\n")
    _, problems = read_annotations(f, corpus=CORPUS)
    assert problems and problems[0].field == "sha256" and "does not match" in problems[0].message
    empty = tmp_path / "nocorpus"
    empty.mkdir()
    with pytest.raises(Exception, match="corpus not found"):
        load_annotations(f, corpus=empty)


def test_standoff_without_corpus_is_a_clear_problem(tmp_path, monkeypatch):
    rec = _seed_line(0)
    rec["sha256"] = text_hash(rec.pop("text"))
    f = tmp_path / "s.jsonl"
    f.write_text(json.dumps(rec) + "\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STANCELIB_CORPUS", raising=False)
    from stancelib.annotations.io import read_annotations as ra
    _, problems = ra(f, corpus=None)
    # either no corpus is found (clear message) or the found corpus lacks the seed document
    assert problems and problems[0].field in {"sha256", "doc_id"}


def test_custom_scheme_validation(tmp_path, custom_scheme, custom_records):
    from stancelib.annotations import write_annotations

    f = tmp_path / "team.jsonl"
    write_annotations(custom_records[:20], f)
    assert len(load_annotations(f, custom_scheme)) == 20
    with pytest.raises(AnnotationError, match="unknown task 'tone'"):
        load_annotations(f)  # the default scheme knows no task 'tone'
