"""Annotations: the record format, validation, standoff resolution and conversions."""

from stancelib.annotations.corpus import Corpus, CorpusError, find_corpus
from stancelib.annotations.io import (AnnotationError, Problem, annotation_files, label_counts, load_annotations,
                                      read_annotations, write_annotations)
from stancelib.annotations.record import Record, text_hash

__all__ = ["Record", "text_hash", "Corpus", "CorpusError", "find_corpus", "AnnotationError", "Problem",
           "annotation_files", "label_counts", "load_annotations", "read_annotations", "write_annotations"]
