"""Shared pieces of the converters: provenance fields and checked record building."""

from __future__ import annotations

from typing import Any

from stancelib.annotations.io import Problem, check_labels
from stancelib.annotations.record import Record
from stancelib.scheme import Scheme

PROVENANCE = ("doc_id", "outlet", "url", "date", "sentence_index", "start", "end", "annotator", "origin")


def provenance(source: dict[str, Any]) -> dict[str, Any]:
    """The provenance fields present in ``source`` (a flat dict of task data)."""
    return {k: source[k] for k in PROVENANCE if k in source and source[k] != ""}


def provenance_of(rec: Record) -> dict[str, Any]:
    return {k: getattr(rec, k) for k in PROVENANCE}


def build_record(rid: Any, text: Any, labels: dict[str, Any], source: dict[str, Any], scheme: Scheme,
                 file: str, line: int, problems: list[Problem],
                 annotations: list[dict[str, Any]] | None = None) -> Record | None:
    """A Record when text and labels are valid, else None with the problems appended."""
    found: list[Problem] = []
    if not isinstance(text, str) or not text.strip():
        found.append(Problem(file, line, "text", "missing or empty text"))
    found += check_labels(labels, scheme, file, line)
    for k, ann in enumerate(annotations or []):
        found += check_labels(ann["labels"], scheme, file, line, f"annotations[{k}].labels")
    if found:
        problems.extend(found)
        return None
    prov = provenance(source)
    for key in ("sentence_index", "start", "end"):
        if key in prov:
            try:
                prov[key] = int(prov[key])
            except (TypeError, ValueError):
                problems.append(Problem(file, line, key, f"expected an integer, got {prov[key]!r}"))
                return None
    prov.setdefault("doc_id", str(rid))
    return Record(id=str(rid), text=text, labels=labels, annotations=annotations or [], **prov)


def empty_labels(scheme: Scheme) -> dict[str, Any]:
    return {t.name: [] for t in scheme if t.multi_label}
