"""The resumable batch labeler.

Rows go to a JSON-lines file, one per sentence, written article by article
and flushed; a journal beside it records each finished article, so an
interrupted run resumes where it stopped and never duplicates or loses rows.
Inputs that cannot be read go to ``<output>.errors.jsonl`` and the run goes on.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Iterable

from stancelib.labeling.readers import ReadError, read_articles


def _journal_path(output: Path) -> Path:
    return output.with_name(output.name + ".journal")


def _done_keys(output: Path) -> set[str]:
    journal = _journal_path(output)
    if not journal.is_file():
        return set()
    return {line.rstrip("\n") for line in open(journal, encoding="utf-8") if line.strip()}


def _truncate_unjournaled(output: Path, done: set[str]) -> None:
    """Drop rows of an article whose run was cut off before its journal entry."""
    if not output.is_file():
        return
    keep = [line for line in open(output, encoding="utf-8") if line.strip() and json.loads(line)["doc_key"] in done]
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text("".join(keep), encoding="utf-8")
    os.replace(tmp, output)


def label_paths(paths: Iterable[str | Path], output: str | Path, *, model: Any = "default", resume: bool = True,
                progress: bool = True, batch_size: int = 256) -> dict[str, Any]:
    """Label every sentence of every article under ``paths`` into ``output`` (JSON lines)."""
    from tqdm.auto import tqdm

    from stancelib import load
    from stancelib.model import Model

    model = model if isinstance(model, Model) else load(str(model))
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if not resume:
        for p in (output, _journal_path(output), output.with_name(output.name + ".errors.jsonl")):
            p.unlink(missing_ok=True)
    done = _done_keys(output)
    _truncate_unjournaled(output, done)
    stats = {"articles": 0, "skipped_done": 0, "sentences": 0, "errors": 0}
    started = time.perf_counter()
    with open(output, "a", encoding="utf-8") as out, open(_journal_path(output), "a", encoding="utf-8") as journal, \
            open(output.with_name(output.name + ".errors.jsonl"), "a", encoding="utf-8") as errors:
        for item in tqdm(read_articles(paths), desc="labeling", unit="article", disable=not progress):
            if isinstance(item, ReadError):
                errors.write(json.dumps({"source": item.source, "error": str(item)}) + "\n")
                stats["errors"] += 1
                continue
            if item.key in done:
                stats["skipped_done"] += 1
                continue
            rows = model.predict_article(item.text, return_scores=True)
            for row in rows:
                out.write(json.dumps({"doc_key": item.key, **item.meta, **row}, ensure_ascii=False) + "\n")
            out.flush()
            journal.write(item.key + "\n")
            journal.flush()
            done.add(item.key)
            stats["articles"] += 1
            stats["sentences"] += len(rows)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    stats["output"] = str(output)
    return stats
