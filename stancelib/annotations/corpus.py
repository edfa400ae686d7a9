"""Corpus folders: the documents that standoff records point into."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

CORPUS_ENV = "STANCELIB_CORPUS"


class CorpusError(LookupError):
    """The corpus folder is missing, or lacks a document."""


class Corpus:
    """A folder with ``documents.jsonl`` (doc_id, text, outlet, date, url, title)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.path = self.folder / "documents.jsonl"
        if not self.path.is_file():
            raise CorpusError(f"corpus not found: {self.path} does not exist "
                              f"(pass --corpus DIR or set {CORPUS_ENV})")
        self._docs: dict[str, dict[str, Any]] | None = None

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        if self._docs is None:
            docs = {}
            with open(self.path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if line.strip():
                        try:
                            d = json.loads(line)
                        except json.JSONDecodeError as e:
                            raise CorpusError(f"{self.path}:{n}: not valid JSON ({e.msg})") from None
                        docs[d["doc_id"]] = d
            self._docs = docs
        return self._docs

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.documents

    def __getitem__(self, doc_id: str) -> dict[str, Any]:
        try:
            return self.documents[doc_id]
        except KeyError:
            raise CorpusError(f"document {doc_id!r} is not in {self.path}") from None


def find_corpus(hint: str | Path | None = None, *, near: str | Path | None = None) -> Corpus | None:
    """The corpus named by ``hint``, ``$STANCELIB_CORPUS``, or ``../shared/corpus`` beside the repo; None if absent."""
    if hint is not None:
        return Corpus(hint)
    if os.environ.get(CORPUS_ENV):
        return Corpus(os.environ[CORPUS_ENV])
    bases = [Path.cwd()]
    if near is not None:
        bases.insert(0, Path(near).resolve())
    for base in bases:
        for parent in [base, *base.parents][:5]:
            cand = parent / "shared" / "corpus"
            if (cand / "documents.jsonl").is_file():
                return Corpus(cand)
    return None
