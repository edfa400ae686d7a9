"""Text pipeline: raw article text to labelable sentences with offsets."""

from stancelib.text.debris import debris_reason, strip_dateline
from stancelib.text.html import html_to_text
from stancelib.text.pipeline import Sentence, segment_article
from stancelib.text.sentences import split_sentences

__all__ = ["Sentence", "segment_article", "split_sentences", "debris_reason", "strip_dateline", "html_to_text"]
