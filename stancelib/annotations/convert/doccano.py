"""doccano JSONL (text classification): one label set per project, so labels are ``task:label``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from stancelib.annotations.convert._common import build_record, empty_labels, provenance_of
from stancelib.annotations.io import Problem, iter_json_lines
from stancelib.annotations.record import Record
from stancelib.scheme import Scheme, resolve_scheme

SEP = ":"


def to_doccano_labels(labels: dict, scheme: Scheme) -> list[str]:
    out = []
    for t in scheme:
        v = labels.get(t.name)
        out += [f"{t.name}{SEP}{x}" for x in (v if isinstance(v, list) else [v]) if x is not None]
    return out


def write_doccano(records: Iterable[Record], path: str | Path, scheme: Scheme | None = None) -> int:
    """Write doccano-importable JSONL (``text``, ``label`` and provenance as metadata)."""
    scheme = resolve_scheme(scheme)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            row = {"id": r.id, "text": r.text, "label": to_doccano_labels(r.labels, scheme), **provenance_of(r)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_doccano(path: str | Path, scheme: Scheme | None = None) -> tuple[list[Record], list[Problem]]:
    """Read a doccano export (``label`` or ``cats`` list of ``task:label``); return records and problems."""
    scheme = resolve_scheme(scheme)
    records, problems = [], []
    for line, row in iter_json_lines(Path(path), problems):
        tags = row.get("label", row.get("cats"))
        if not isinstance(tags, list):
            problems.append(Problem(str(path), line, "label", "expected a list of 'task:label' strings"))
            continue
        labels: dict = empty_labels(scheme)
        bad = False
        for tag in tags:
            if not isinstance(tag, str) or SEP not in tag:
                problems.append(Problem(str(path), line, "label",
                                        f"{tag!r} is not 'task{SEP}label' (doccano labels are prefixed with the task)"))
                bad = True
                continue
            task, label = tag.split(SEP, 1)
            if task in labels and isinstance(labels[task], list):
                labels[task].append(label)
            elif task in labels:
                labels[task] = [labels[task], label]  # two labels: check_labels reports it
            else:
                labels[task] = label
        if bad:
            continue
        rid = row.get("id", f"doccano-{line}")
        meta = row.get("meta") if isinstance(row.get("meta"), dict) else row
        rec = build_record(rid, row.get("text"), labels, meta, scheme, str(path), line, problems)
        if rec:
            records.append(rec)
    return records, problems
