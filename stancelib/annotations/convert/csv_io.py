"""CSV: one row per sentence; multi-label cells join labels with ``|``."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable

from stancelib.annotations.convert._common import PROVENANCE, build_record, provenance_of
from stancelib.annotations.io import Problem
from stancelib.annotations.record import Record
from stancelib.scheme import Scheme, resolve_scheme

SEP = "|"


def write_csv(records: Iterable[Record], path: str | Path, scheme: Scheme | None = None) -> int:
    """Write records (text resolved) to CSV with one column per task; return the row count."""
    scheme = resolve_scheme(scheme)
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "text", *scheme.task_names, *PROVENANCE])
        w.writeheader()
        for r in records:
            row = {"id": r.id, "text": r.text, **{k: ("" if v is None else v) for k, v in provenance_of(r).items()}}
            for t in scheme:
                v = r.labels.get(t.name)
                row[t.name] = SEP.join(v) if t.multi_label else (v or "")
            w.writerow(row)
            n += 1
    return n


def read_csv(path: str | Path, scheme: Scheme | None = None) -> tuple[list[Record], list[Problem]]:
    """Read a CSV written by :func:`write_csv` or by hand; return records and problems."""
    scheme = resolve_scheme(scheme)
    records, problems = [], []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("id", "text", *scheme.task_names) if c not in (reader.fieldnames or [])]
        if missing:
            return [], [Problem(str(path), 1, c, "missing column") for c in missing]
        for line, row in enumerate(reader, 2):
            labels = {}
            for t in scheme:
                cell = (row.get(t.name) or "").strip()
                labels[t.name] = [x for x in cell.split(SEP) if x] if t.multi_label else (cell or None)
            if any(v is None for v in labels.values()):
                missing_tasks = [k for k, v in labels.items() if v is None]
                problems.extend(Problem(str(path), line, f"labels.{k}", "empty cell for a single-label task")
                                for k in missing_tasks)
                continue
            rec = build_record(row["id"], row["text"], labels, row, scheme, str(path), line, problems)
            if rec:
                records.append(rec)
    return records, problems
