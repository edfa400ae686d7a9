from pathlib import Path

import pytest

from stancelib.text import debris_reason, segment_article, split_sentences, strip_dateline
from tests.conftest import SEEDS, needs_shared, CORPUS


def texts(s: str) -> list[str]:
    return [s[a:b] for a, b in split_sentences(s)]


@pytest.mark.parametrize("text,expected", [
    ("The U.S. Forces Korea said so. It was new.", ["The U.S. Forces Korea said so.", "It was new."]),
    ("Ties with the U.S. The alliance matters.", ["Ties with the U.S.", "The alliance matters."]),
    ("S. Korea and China met. They agreed.", ["S. Korea and China met.", "They agreed."]),
    ("On Jan. 6 Mr. Lee met Dr. Kim. No. 1 priority is trade.", ["On Jan. 6 Mr. Lee met Dr. Kim.", "No. 1 priority is trade."]),
    ("The index closed at 328.08 points. Exports rose.", ["The index closed at 328.08 points.", "Exports rose."]),
    ('He said, "We will cooperate." Then he left.', ['He said, "We will cooperate."', "Then he left."]),
    ("It used battery materials.The company said more.", ["It used battery materials.", "The company said more."]),
    ("Visit koreaherald.com for more. Thanks.", ["Visit koreaherald.com for more.", "Thanks."]),
    ("Will Seoul choose? Nobody knows!", ["Will Seoul choose?", "Nobody knows!"]),
])
def test_news_english_boundaries(text, expected):
    assert texts(text) == expected


def test_offsets_index_the_original():
    s = "  Seoul  and Beijing met.   They talked.  "
    for a, b in split_sentences(s):
        assert s[a:b] == s[a:b].strip() and s[a:b]


@pytest.mark.parametrize("line,reason", [
    ("Published: Jan 06, 2026 08:36 PM", "timestamp"),
    ("• Link copied", "share"),
    ("By Lee Haye-ah", "byline"),
    ("The cruise ship is docked at Lianyungang port, Jiangsu, on July 17, 2025. Photo: VCG", "caption"),
    ("Home > National > Diplomacy", "navigation"),
    ("OPINION / VIEWPOINT", "navigation"),
    ("Sign up now for our newsletter", "subscribe"),
    ("본문 바로가기", "non_english"),
    ("The Korea Herald", "masthead"),
])
def test_debris_lines(line, reason):
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Seoul, Beijing should continue to hold talks to manage conflict, seek cooperation amid challenges",
    "South Korea and China expressed a wish to improve ties in their first foreign ministerial talks in seven months.",
])
def test_headlines_and_prose_are_not_debris(line):
    assert debris_reason(line) is None


def test_dateline_is_cut_from_its_sentence():
    s = "SEOUL, July 1 (AJU PRESS) - Korea's exports to China fell by 19.9 percent in 2023."
    assert s[strip_dateline(s):].startswith("Korea's exports")


def test_seed_article_segmentation():
    text = (SEEDS / "002_508489a84c2a7251.txt").read_text()
    sents = segment_article(text)
    got = [s.text for s in sents]
    assert "Seoul, Beijing should continue to hold talks to manage conflict, seek cooperation amid challenges" in got
    assert sents[0].kind == "headline"
    assert not any("Link copied" in t or t.startswith("Published") or t == "By Korea Herald" for t in got)
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert [s.index for s in sents] == list(range(len(sents)))


def test_repeated_caption_counts_once_and_is_dropped():
    text = (SEEDS / "000_25656eb75d8125eb.txt").read_text()
    got = [s.text for s in segment_article(text)]
    assert not any("Photo: VCG" in t for t in got)
    dbg = [s for s in segment_article(text, keep_debris=True) if s.kind.startswith("debris")]
    assert any(s.kind == "debris:caption" for s in dbg)


@needs_shared
def test_whole_corpus_offsets_are_exact():
    import json

    for line in open(CORPUS / "documents.jsonl", encoding="utf-8"):
        d = json.loads(line)
        for s in segment_article(d["text"]):
            assert d["text"][s.start:s.end] == s.text and s.text.strip() == s.text


def test_html_main_text_drops_page_chrome():
    from stancelib.text import html_to_text

    paras = [l.strip() for l in (SEEDS / "002_508489a84c2a7251.txt").read_text().splitlines() if len(l.strip()) > 120]
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = (f"<html><head><title>[Editorial] Korea-China relations</title></head><body>"
            f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>National</a></li><li><a href='/o'>Opinion</a></li></ul></nav>"
            f"<article><h1>[Editorial] Korea-China relations</h1>{body}</article>"
            f"<footer>Copyright Herald Corporation. All rights reserved. <a href='/s'>Subscribe</a></footer></body></html>")
    text = html_to_text(html)
    assert paras[0] in text and paras[-1] in text
    assert "All rights reserved" not in text and "Subscribe" not in text
    sents = segment_article(text)
    assert sents[0].text == "[Editorial] Korea-China relations" and sents[0].kind == "headline"
