"""From raw article text to the sentences that get labels, with offsets."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from stancelib.text.debris import debris_reason, strip_dateline
from stancelib.text.sentences import split_sentences

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_HEADLINE_MAX_WORDS = 40


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: ``text == article[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    kind: str  # "headline" or "body"

    def to_dict(self) -> dict:
        return asdict(self)


def _lines(text: str):
    """Yield ``(start, end, stripped)`` per paragraph; soft-wrapped lines are joined."""
    pending: list[int] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        if stripped:
            start, end = pos + lead, pos + lead + len(stripped)
            if pending and stripped[0].islower() and not _TERMINAL.search(text[pending[0]:pending[1]]):
                pending[1] = end  # a hard-wrapped line continues the paragraph
            else:
                if pending:
                    yield pending[0], pending[1], text[pending[0]:pending[1]]
                pending = [start, end]
        pos += len(line)
    if pending:
        yield pending[0], pending[1], text[pending[0]:pending[1]]


def _is_cut_off(line: str, end: int, text: str) -> bool:
    """The excerpt's last line, cut mid-sentence, is body text, not a headline."""
    return not text[end:].strip() and len(line.split()) >= 8 and line.split()[-1][:1].islower()


def segment_article(text: str, *, keep_debris: bool = False) -> list[Sentence]:
    """Split an article into labelable sentences.

    Page debris is dropped (or kept with ``kind="debris:<reason>"`` when
    ``keep_debris``); a line without terminal punctuation is a headline and
    stays whole; datelines are cut off the sentence they open; a line repeated
    verbatim (a caption printed twice, a duplicated paragraph) counts once.
    """
    out: list[Sentence] = []
    seen: set[str] = set()

    def add(start: int, end: int, kind: str) -> None:
        out.append(Sentence(len(out), start, end, text[start:end], kind))

    for start, end, line in _lines(text):
        reason = debris_reason(line)
        if reason is None and line in seen:
            reason = "repeated"
        seen.add(line)
        if reason is not None:
            if keep_debris:
                add(start, end, f"debris:{reason}")
            continue
        if not _TERMINAL.search(line) and len(line.split()) <= _HEADLINE_MAX_WORDS and not _is_cut_off(line, end, text):
            add(start, end, "headline")
            continue
        skip = strip_dateline(line)
        for s, e in split_sentences(text, start + skip, end):
            why = debris_reason(text[s:e], sentence=True)
            if why is None:
                add(s, e, "body")
            elif keep_debris:
                add(s, e, f"debris:{why}")
    return out
