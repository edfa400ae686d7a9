"""Page debris: lines and sentences that are not part of the article.

Bylines, datelines, photo captions and credits, "Link copied", "Published:"
lines, share buttons, navigation and subscribe prompts (LABELS.md rule 7).
Headlines are never debris.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("timestamp", re.compile(r"^(published|updated|posted|modified|last updated|date|입력|수정)\s*:?\s*(\S.*)?$", _I)),
    ("timestamp", re.compile(r"^(\w{3,9}\.? \d{1,2}, \d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2})([ ,-]+\d{1,2}:\d{2}(:\d{2})?\s*(am|pm|kst|gmt\+?\d*|bjt|utc)?)?\s*$", _I)),
    ("byline", re.compile(r"^(?i:by|written by|reporter|reported by|edited by|author)\s*:?\s+[A-Z][\w.\-']*( [\w.\-']+){0,6}\s*(,.*)?$")),
    ("byline", re.compile(r"^[^.!?]{0,60}\b[\w.+-]+@[\w-]+\.[\w.]+$|^-?\s*\[?email\s*protected\]?$", _I)),
    ("caption", re.compile(r"(\bphoto\s*(:|=|by|credit|courtesy)|\bcourtesy of\b|\bfile photo\b|^\[?photo\]?\b|^▲|\b(getty images|vcg)\s*$|[(\[](yonhap|xinhua|afp|ap|reuters|newsis|news1)[)\]]\s*$|/\s*(yonhap|xinhua|afp|reuters|ap|newsis)\s*$)", _I)),
    ("share", re.compile(r"^[•·|\s]*(link copied|copy link|share( this)?( article| story| on \w+)?|(facebook|twitter|kakao|mail|link|whatsapp|linkedin|telegram)( share)?( button)?|print|e-?mail|text size|font-?size.*|[+-]?\d)\s*[•·|]*\s*$", _I)),
    ("navigation", re.compile(r"^(home|news|menu|close|settings|search|skip to (main )?content|go to (contents|navigation).*|back to top|related articles?|latest news|most (read|popular|viewed)|read more|more|next|previous|sections?|opinion|world|politics|national|business|advertisement|sponsored|source link|learn more|download article as pdf|connect with the authors|leave a reply|no comments:?|print dictionary print|bar_progress|articles?)\s*$", _I)),
    ("navigation", re.compile(r"^(home|news)\s*>.*|.*\s>\s.*\s>\s.*$", _I)),
    ("navigation", re.compile(r"^[A-Z][A-Z\s&/|\-]{2,40}$")),
    ("masthead", re.compile(r"^(the )?(korea herald|korea times|(korea )?joongang daily|global times|china daily|"
                            r"yonhap( news( agency)?)?|straits times|south china morning post|chosun ilbo|"
                            r"dong-a ilbo|hankyoreh|xinhua( news agency)?|people's daily( online)?|cgtn|"
                            r"kbs( world)?|arirang( news)?|the diplomat)\s*(website|online)?$", _I)),  # section labels: "OPINION / VIEWPOINT"
    ("subscribe", re.compile(r"(sign up|subscribe|newsletter|log ?in|register now|all rights reserved|copyright|©|cookies?|unauthorized reproduction|redistribution)", _I)),
    ("label", re.compile(r"^[^.!?]{0,40}:\s*$")),  # "Editor's Note:"
    ("symbols", re.compile(r"^[\W\d_]*$")),
]
_SENTENCE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("end_marker", re.compile(r"^\(?(end|끝)\)?\.?$", _I)),
    ("caption", re.compile(r"^photo\s*:\s*\S.*$|\bphoto\s*:\s*[\w ]{1,30}$", _I)),
    ("share", _LINE_RULES[4][1]),
    ("subscribe", re.compile(r"^(sign up|subscribe|click here|read more|get more with)\b", _I)),
]
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'\-]{1,30}(?:,\s*[A-Z][\w.]*\.?\s*\d{1,2})?(?:,\s*\d{4})?\s*"
    r"(?:\([^)]{2,40}\))?\s*(?:--|—|–|-)\s*|\([A-Z][^)]{1,30}\)\s*(?:--|—|–|-)\s*)"
)
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def debris_reason(line: str, *, sentence: bool = False) -> str | None:
    """Why ``line`` is page debris (a short reason such as ``"caption"``), or ``None``."""
    text = line.strip()
    if not text:
        return "empty"
    letters = _LETTER.findall(text)
    if letters and sum(1 for ch in letters if _LATIN.match(ch)) < 0.5 * len(letters):
        return "non_english"
    rules = _SENTENCE_RULES if sentence else _LINE_RULES
    for reason, pattern in rules:
        if pattern.search(text):
            if reason == "subscribe" and not sentence and len(text.split()) > 25:
                continue  # a long line that merely mentions "copyright" is prose
            if reason == "caption" and not sentence and _looks_like_dateline_body(text):
                continue
            return reason
    if not sentence and len(text.split()) <= 2 and not text.endswith((".", "?", "!", "”", '"')):
        return "fragment"
    return None


def _looks_like_dateline_body(text: str) -> bool:
    """A dateline such as "SEOUL (Yonhap) -- ..." opens body text, it is no caption."""
    return bool(_DATELINE.match(text)) and len(text.split()) > 12


def strip_dateline(text: str) -> int:
    """Length of a leading dateline ("SEOUL, July 1 (Yonhap) -- "), 0 if none."""
    m = _DATELINE.match(text)
    if not m:
        return 0
    rest = text[m.end():]
    return m.end() if rest[:1].isupper() or rest[:1] in "\"“‘'" else 0
