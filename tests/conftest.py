"""Shared fixtures: the repository's real data, ../shared when present, a second scheme."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STANCELIB_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
ANNOTATIONS = REPO / "annotations"
SEEDS = REPO / "seeds"

needs_shared = pytest.mark.skipif(not (CORPUS / "documents.jsonl").is_file(),
                                  reason="../shared/corpus is absent (standoff records cannot be resolved here)")


@pytest.fixture(scope="session")
def seed_records():
    from stancelib.annotations import load_annotations

    return load_annotations(ANNOTATIONS / "seeds.jsonl")


TONE = {"favor": "positive", "against": "negative", "neutral": "neutral"}
SUBJECTS = {"trade": "economy", "security": "military", "taiwan": "military", "us_pressure": "washington"}


@pytest.fixture(scope="session")
def custom_scheme(tmp_path_factory):
    """A team's own scheme: other task names and labels than the default."""
    from stancelib.scheme import Scheme

    data = {"name": "team-tone", "tasks": [
        {"name": "tone", "kind": "single_label", "labels": ["positive", "negative", "neutral"]},
        {"name": "subjects", "kind": "multi_label", "labels": ["economy", "military", "washington"]},
    ]}
    path = tmp_path_factory.mktemp("scheme") / "scheme.json"
    path.write_text(json.dumps(data))
    return Scheme.load(path)


@pytest.fixture(scope="session")
def custom_records(seed_records):
    """The seed sentences relabeled into the custom scheme (a deterministic mapping of real labels)."""
    from stancelib.annotations import Record

    out = []
    for r in seed_records:
        subjects = sorted({SUBJECTS[t] for t in r.labels["topics"]})
        out.append(Record(id=r.id, text=r.text, doc_id=r.doc_id, sentence_index=r.sentence_index, start=r.start,
                          end=r.end, labels={"tone": TONE[r.labels["stance"]], "subjects": subjects}))
    return out
