"""Turning what users pass (paths, records, dicts, a DataFrame) into training examples."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from stancelib.annotations import AnnotationError, Problem, Record, load_annotations
from stancelib.annotations.io import check_labels
from stancelib.scheme import Scheme



def as_records(annotations: Any, scheme: Scheme, *, corpus: Any = None) -> list[Record]:
    """Records from annotation paths, Record objects, plain dicts ``{text, labels}`` or a DataFrame."""
    if isinstance(annotations, (str, Path)):
        return load_annotations(annotations, scheme, corpus=corpus)
    if hasattr(annotations, "to_dict") and hasattr(annotations, "columns"):  # pandas DataFrame
        annotations = annotations.to_dict("records")
    items = list(annotations)
    if items and isinstance(items[0], (str, Path)):
        return load_annotations(items, scheme, corpus=corpus)
    out = []
    for i, it in enumerate(items):
        if isinstance(it, Record):
            out.append(it)
        elif isinstance(it, dict):
            d = dict(it)
            if "labels" not in d:
                d["labels"] = {t.name: d.pop(t.name) for t in scheme if t.name in d}
            d.setdefault("id", str(i))
            out.append(Record.from_dict({k: v for k, v in d.items() if k in Record.__dataclass_fields__}))
        else:
            raise TypeError(f"annotation {i}: expected a Record or dict, got {type(it).__name__}")
    problems = [p for i, r in enumerate(out) for p in check_labels(r.labels, scheme, "<records>", i + 1)]
    problems += [Problem("<records>", i + 1, "text", "empty text") for i, r in enumerate(out) if not r.text]
    if problems:
        raise AnnotationError(problems)
    return out


def fingerprint(records: Iterable[Record]) -> dict[str, Any]:
    """A stable sha256 over ids, texts and labels, and the counts it covers."""
    h = hashlib.sha256()
    n, docs = 0, set()
    for r in sorted(records, key=lambda r: r.id):
        h.update(json.dumps([r.id, r.text, r.labels], sort_keys=True, ensure_ascii=False).encode())
        n += 1
        docs.add(r.doc_id or r.id)
    return {"sha256": h.hexdigest(), "records": n, "documents": len(docs)}


def groups_of(records: list[Record]) -> list[str]:
    """The document each record belongs to (records without one form their own group)."""
    return [r.doc_id or f"record:{r.id}" for r in records]
