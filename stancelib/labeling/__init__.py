"""Batch labeling: read articles, label every sentence, write rows; resumable."""

from stancelib.labeling.batch import label_paths
from stancelib.labeling.readers import Article, read_articles

__all__ = ["label_paths", "read_articles", "Article"]
