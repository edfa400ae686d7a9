"""Article readers: plain text, HTML (main text via trafilatura) and JSON lines of documents."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


@dataclass
class Article:
    """One article to label; ``key`` identifies it for resuming."""

    key: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


class ReadError(ValueError):
    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source


def article_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, [paths] if isinstance(paths, (str, Path)) else paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            files.append(p)
    return files


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Yield articles from files and folders; unreadable input yields a ReadError instead of stopping."""
    from stancelib.text import html_to_text

    for f in article_files(paths):
        suffix = f.suffix.lower()
        try:
            if suffix == ".jsonl":
                with open(f, encoding="utf-8") as fh:
                    for n, line in enumerate(fh, 1):
                        if not line.strip():
                            continue
                        try:
                            d = json.loads(line)
                        except json.JSONDecodeError as e:
                            yield ReadError(f"{f}:{n}", f"malformed JSON: {e.msg}")
                            continue
                        if not isinstance(d.get("text"), str) or not d["text"].strip():
                            yield ReadError(f"{f}:{n}", "field 'text': missing or empty")
                            continue
                        key = str(d.get("doc_id") or d.get("id") or f"{f.name}:{n}")
                        meta = {k: d.get(k) for k in ("outlet", "date", "url", "title") if d.get(k) is not None}
                        yield Article(key, d["text"], {"source": str(f), "line": n, **meta})
            elif suffix in (".html", ".htm"):
                yield Article(str(f), html_to_text(f.read_text(encoding="utf-8", errors="replace")), {"source": str(f)})
            elif suffix == ".txt":
                yield Article(str(f), f.read_text(encoding="utf-8"), {"source": str(f)})
            else:
                yield ReadError(str(f), f"unsupported file type {suffix!r} (expected {', '.join(sorted(SUFFIXES))})")
        except (OSError, UnicodeDecodeError, ValueError) as e:
            yield ReadError(str(f), str(e))
