import json

import pytest

from stancelib.cli import main
from tests.conftest import ANNOTATIONS, SEEDS


def test_help_lists_subcommands(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for cmd in ("validate", "stats", "split", "train", "evaluate", "label", "convert", "agreement"):
        assert cmd in out


def test_usage_error_exits_2():
    with pytest.raises(SystemExit) as e:
        main(["split"])
    assert e.value.code == 2


def test_stats_and_split(tmp_path, capsys):
    seeds = str(ANNOTATIONS / "seeds.jsonl")
    assert main(["stats", seeds, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["records"] > 100 and set(stats["labels"]) == {"topics", "stance", "frame"}
    assert main(["split", seeds, "-o", str(tmp_path), "--test-size", "0.4"]) == 0
    tr = [json.loads(l) for l in (tmp_path / "train.jsonl").read_text().splitlines()]
    te = [json.loads(l) for l in (tmp_path / "test.jsonl").read_text().splitlines()]
    assert len(tr) + len(te) == stats["records"]
    assert not {r["doc_id"] for r in tr} & {r["doc_id"] for r in te}


def test_train_then_label_resumes(tmp_path, capsys):
    seeds = str(ANNOTATIONS / "seeds.jsonl")
    assert main(["train", seeds, "-o", str(tmp_path / "m"), "--backend", "tfidf"]) == 0
    arts = tmp_path / "arts"
    arts.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:3]:
        (arts / p.name).write_text(p.read_text())
    (arts / "bad.jsonl").write_text('{"id": 1, "text": ""}\nnot json\n')
    out = tmp_path / "labels.jsonl"
    assert main(["label", str(arts), "-o", str(out), "--model", str(tmp_path / "m"), "--quiet"]) == 1
    first = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert first["articles"] == 3 and first["errors"] == 2
    rows = [json.loads(l) for l in out.read_text().splitlines()]
    assert len(rows) == first["sentences"] and {"topics", "stance", "frame", "scores", "start", "end"} <= set(rows[0])
    (arts / "004.txt").write_text((SEEDS / "004_5323763388cca4d5.txt").read_text())
    main(["label", str(arts), "-o", str(out), "--model", str(tmp_path / "m"), "--quiet"])
    second = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert second["articles"] == 1 and second["skipped_done"] == 3
    keys = [json.loads(l)["doc_key"] for l in out.read_text().splitlines()]
    assert len(set(keys)) == 4 and len(keys) == len(rows) + second["sentences"]


def test_convert_cli_round_trip(tmp_path, capsys):
    seeds = str(ANNOTATIONS / "seeds.jsonl")
    assert main(["convert", seeds, "--to", "labelstudio", "-o", str(tmp_path / "ls.json")]) == 0
    assert main(["convert", str(tmp_path / "ls.json"), "--from", "labelstudio", "-o", str(tmp_path / "b.jsonl")]) == 0
    assert main(["validate", str(tmp_path / "b.jsonl")]) == 0
