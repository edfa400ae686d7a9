"""The annotation record: one sentence with labels per task and its provenance."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

ORIGINS = ("real", "written")


def text_hash(text: str) -> str:
    """The hash that standoff records carry: sha256 of the UTF-8 sentence text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Record:
    """One annotated sentence.

    ``labels`` maps each task to a label (single-label tasks) or a list of
    labels (multi-label tasks). ``annotations`` keeps the independent
    annotations behind ``labels`` when several annotators labeled the item.
    A standoff record has ``text=None`` and a ``sha256`` until it is resolved.
    """

    id: str
    labels: dict[str, Any]
    text: str | None = None
    doc_id: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    sentence_index: int | None = None
    start: int | None = None
    end: int | None = None
    annotator: str | None = None
    origin: str = "real"
    sha256: str | None = None
    annotations: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def standoff(self) -> bool:
        return self.sha256 is not None

    def to_dict(self, *, standoff: bool | None = None) -> dict[str, Any]:
        """Plain JSON-ready dict; ``standoff=True`` drops the text and keeps its hash."""
        as_standoff = self.standoff if standoff is None else standoff
        d: dict[str, Any] = {"id": self.id}
        if as_standoff:
            d["sha256"] = self.sha256 or text_hash(self.text or "")
        else:
            d["text"] = self.text
        d["labels"] = self.labels
        for key in ("doc_id", "outlet", "url", "date", "sentence_index", "start", "end", "annotator", "origin"):
            d[key] = getattr(self, key)
        if self.annotations:
            d["annotations"] = self.annotations
        if self.meta:
            d["meta"] = self.meta
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        known = {k: d[k] for k in ("id", "labels", "text", "doc_id", "outlet", "url", "date", "sentence_index",
                                   "start", "end", "annotator", "origin", "sha256", "annotations", "meta") if k in d}
        known.setdefault("labels", {})
        known.setdefault("annotations", [])
        known.setdefault("meta", {})
        if known.get("origin") is None:
            known["origin"] = "real"
        return cls(**known)
