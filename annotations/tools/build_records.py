"""Assemble annotators' label files into stancelib records (run once per annotation round).

    python annotations/tools/build_records.py ROUND.json

ROUND.json names the label files of each annotator, the sentence offsets the
sentences were shown with, and the adjudicated labels for double-annotated
sentences. Corpus sentences are written standoff (annotations/corpus.jsonl),
seed sentences inline (annotations/seeds.jsonl).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from stancelib.annotations import Corpus, Record, text_hash, write_annotations

SEED_META = {  # what the seed texts themselves show
    "000_25656eb75d8125eb": {"outlet": "globaltimes.cn", "date": "2026-01-06"},
    "001_a7c18299afef6413": {"outlet": "globaltimes.cn", "date": "2025-11-02"},
    "002_508489a84c2a7251": {"outlet": "koreaherald.com", "date": "2024-05-16"},
    "003_cd1b3feabe6582ea": {"outlet": None, "date": None},
    "004_5323763388cca4d5": {"outlet": None, "date": None},
}


def labels_of(row: dict) -> dict:
    return {"topics": sorted(set(row["topics"]), key=["trade", "security", "taiwan", "us_pressure"].index),
            "stance": row["stance"], "frame": row["frame"]}


def main(round_file: Path) -> None:
    cfg = json.loads(round_file.read_text())
    offsets = json.loads(Path(cfg["offsets"]).read_text())
    corpus = Corpus(cfg["corpus"])
    seeds_dir = Path(cfg["seeds"])
    primary: dict[str, tuple[str, dict]] = {}
    for annotator, path in cfg["primary"].items():
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            primary[row["sid"]] = (annotator, row)
    second: dict[str, tuple[str, dict]] = {}
    for annotator, path in cfg.get("second", {}).items():
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            second[row["sid"]] = (annotator, row)
    adjudicated = {}
    if cfg.get("adjudicated") and Path(cfg["adjudicated"]).is_file():
        for line in open(cfg["adjudicated"], encoding="utf-8"):
            row = json.loads(line)
            adjudicated[row["sid"]] = row
    seeds, standoff, skipped = [], [], {}
    for sid, (annotator, row) in primary.items():
        if row.get("skip"):
            skipped[row["skip"]] = skipped.get(row["skip"], 0) + 1
            continue
        doc_id, idx = sid.rsplit(":", 1)
        start, end, _kind = offsets[sid]
        labels = labels_of(row)
        anns = []
        if sid in second and not second[sid][1].get("skip"):
            anns = [{"annotator": annotator, "labels": labels},
                    {"annotator": second[sid][0], "labels": labels_of(second[sid][1])}]
            if sid in adjudicated:
                labels = labels_of(adjudicated[sid])
            elif anns[0]["labels"] != anns[1]["labels"]:
                raise SystemExit(f"{sid}: annotators disagree and no adjudicated label is given")
        rec_id = f"{doc_id}-s{int(idx):03d}"
        if doc_id.startswith("seed-"):
            name = doc_id.removeprefix("seed-")
            text = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
            seeds.append(Record(id=rec_id, text=text[start:end], labels=labels, doc_id=doc_id,
                                url=None, sentence_index=int(idx), start=start, end=end,
                                annotator=annotator, origin="real", annotations=anns, **SEED_META[name]))
        else:
            doc = corpus[doc_id]
            standoff.append(Record(id=rec_id, labels=labels, doc_id=doc_id, outlet=doc["outlet"], url=doc["url"],
                                   date=doc["date"], sentence_index=int(idx), start=start, end=end,
                                   annotator=annotator, origin="real", sha256=text_hash(doc["text"][start:end]),
                                   annotations=anns))
    key = lambda r: (r.doc_id, r.sentence_index)  # noqa: E731
    out = Path(cfg["output"])
    n1 = write_annotations(sorted(seeds, key=key), out / "seeds.jsonl", standoff=False)
    n2 = write_annotations(sorted(standoff, key=key), out / "corpus.jsonl", standoff=True)
    print(f"seeds: {n1} inline records; corpus: {n2} standoff records; skipped: {skipped}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
