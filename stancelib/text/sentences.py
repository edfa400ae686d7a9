"""Sentence splitting for news English, with character offsets.

Handles abbreviations (U.S., S. Korea, Jan., Mr., No.), decimals (328.08),
closing quotes after the full stop, and paragraphs glued without a space
("materials.The company"). Offsets are Python ``str`` indices into the input.
"""

from __future__ import annotations

import re

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt rep reps sen sens gov
    pres supt det insp rev hon st ste mt ft jr sr esq messrs mme mlle fr sec
    no nos vol vols art fig figs p pp ch sect para op cit ed eds est approx dept
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros assn univ intl govt natl dist
    vs etc al cf ie eg viz ca
    """.split()
)

# After an abbreviation made of capital initials (U.S., U.N., S.), a new
# sentence is only assumed when one of these typical sentence openers follows.
SENTENCE_OPENERS = frozenset(
    """
    The A An This That These Those It Its He She They We I You Our Their His Her
    But And Yet So Or In On At For By With From As If When While Although Though
    However Meanwhile Moreover Still Also Then There Here Such Some Many Most Both
    After Before Since During Under Over Last Next Earlier Later Now Today Yesterday
    What Why How Who Where Which According Despite Instead Still Analysts Officials
    """.split()
)

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# Candidate boundary: terminal punctuation, optional closers, whitespace.
_BOUNDARY = re.compile(r"([.!?…]+)([" + re.escape(_CLOSERS) + r"]*)(\s+)")
# Glued paragraphs: a lower-case word, a full stop, a capitalised word.
_GLUED = re.compile(r"(?<=[a-z0-9]{2})([.!?][" + re.escape(_CLOSERS) + r"]?)(?=[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-']*)$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$|^[A-Z]$")


def _starts_sentence(following: str) -> bool:
    following = following.lstrip(_OPENERS + "-–—• ")
    if not following:
        return False
    ch = following[0]
    return ch.isupper() or ch.isdigit()


def _is_boundary(text: str, punct_start: int, punct: str, after: int) -> bool:
    following = text[after:]
    if not _starts_sentence(following):
        return False
    if punct != ".":
        return True
    m = _WORD_BEFORE.search(text[:punct_start])
    if not m:
        return True
    word = m.group(1)
    bare = word.rstrip(".").split(".")[-1].lower() if "." in word else word.lower()
    next_word = re.match(r"[\W_]*(\w+)", following)
    nxt = next_word.group(1) if next_word else ""
    if _INITIALS.match(word + "."):
        # "S. Korea", "U.S. President" stay together; "the U.S. The" splits.
        return nxt in SENTENCE_OPENERS and len(word.replace(".", "")) > 1
    if bare in ABBREVIATIONS:
        if bare in {"no", "nos", "vol", "art", "fig", "p", "pp", "jan", "feb", "mar", "apr", "jun",
                    "jul", "aug", "sep", "sept", "oct", "nov", "dec"}:
            return not nxt[:1].isdigit() and nxt in SENTENCE_OPENERS
        if bare in {"inc", "corp", "co", "ltd", "llc", "plc", "etc", "al", "bros"}:
            return nxt in SENTENCE_OPENERS
        return False
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``text[start:end]``.

    Leading and trailing whitespace is excluded from every span; newlines are
    treated as hard boundaries by :func:`stancelib.text.segment_article`, not here.
    """
    end = len(text) if end is None else end
    cuts: list[int] = []
    region = text[start:end]
    for m in _BOUNDARY.finditer(region):
        if _is_boundary(region, m.start(1), m.group(1), m.end(3)):
            cuts.append(m.end(2))
    for m in _GLUED.finditer(region):
        word = _WORD_BEFORE.search(region[: m.start(1)])
        if word and word.group(1).lower() in ABBREVIATIONS:
            continue
        if "." in (word.group(1) if word else ""):  # e.g. "koreaherald.com"
            continue
        cuts.append(m.end(1))
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in sorted(set(cuts)) + [len(region)]:
        s, e = prev, cut
        while s < e and region[s].isspace():
            s += 1
        while e > s and region[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((start + s, start + e))
        prev = cut
    return spans
