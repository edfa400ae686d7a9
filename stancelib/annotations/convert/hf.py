"""Hugging Face ``datasets.Dataset`` conversion."""

from __future__ import annotations

from typing import Iterable

from stancelib.annotations.convert._common import PROVENANCE, provenance_of
from stancelib.annotations.record import Record
from stancelib.scheme import Scheme, resolve_scheme


def to_dataset(records: Iterable[Record], scheme: Scheme | None = None):
    """A ``datasets.Dataset`` with ``id``, ``text``, provenance and one column per task.

    Single-label tasks become ``ClassLabel`` columns, multi-label tasks
    sequences of ``ClassLabel``, so label names travel with the data.
    """
    import datasets

    scheme = resolve_scheme(scheme)
    records = list(records)
    cols = {"id": [r.id for r in records], "text": [r.text for r in records]}
    for key in PROVENANCE:
        cols[key] = [provenance_of(r)[key] for r in records]
    features = {"id": datasets.Value("string"), "text": datasets.Value("string"),
                "doc_id": datasets.Value("string"), "outlet": datasets.Value("string"),
                "url": datasets.Value("string"), "date": datasets.Value("string"),
                "sentence_index": datasets.Value("int32"), "start": datasets.Value("int32"),
                "end": datasets.Value("int32"), "annotator": datasets.Value("string"),
                "origin": datasets.Value("string")}
    for t in scheme:
        cl = datasets.ClassLabel(names=list(t.labels))
        if t.multi_label:
            cols[t.name] = [[cl.str2int(l) for l in r.labels[t.name]] for r in records]
            features[t.name] = datasets.Sequence(cl)
        else:
            cols[t.name] = [cl.str2int(r.labels[t.name]) for r in records]
            features[t.name] = cl
    return datasets.Dataset.from_dict(cols, features=datasets.Features(features))


def from_dataset(ds, scheme: Scheme | None = None) -> list[Record]:
    """Records from a Dataset made by :func:`to_dataset` (label ids or names both accepted)."""
    scheme = resolve_scheme(scheme)
    out = []
    for row in ds:
        labels = {}
        for t in scheme:
            v = row[t.name]
            name = lambda x: t.labels[x] if isinstance(x, int) else x  # noqa: E731
            labels[t.name] = [name(x) for x in v] if t.multi_label else name(v)
        prov = {k: row.get(k) for k in PROVENANCE}
        prov["origin"] = prov.get("origin") or "real"
        out.append(Record(id=row["id"], text=row["text"], labels=labels, **prov))
    return out
