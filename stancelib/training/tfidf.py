"""``tfidf``: word and character n-gram TF-IDF features with linear heads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from stancelib.persistence import load_skops, load_tensors, save_skops, save_tensors
from stancelib.scheme import Scheme
from stancelib.training.base import Backend, Probas, Targets
from stancelib.training.heads import LinearHeads
from stancelib.training.registry import register_backend


@register_backend("tfidf")
class TfidfBackend(Backend):
    """Fast, strong baseline: sublinear TF-IDF of word 1–2-grams and character 2–5-grams."""

    defaults = {"C": 4.0, "word_ngrams": (1, 2), "char_ngrams": (2, 5), "min_df": 1, "max_features": 200_000}

    def _vectorizer(self) -> FeatureUnion:
        o = self.options
        return FeatureUnion([
            ("word", TfidfVectorizer(ngram_range=tuple(o["word_ngrams"]), sublinear_tf=True, min_df=o["min_df"],
                                     max_features=o["max_features"], lowercase=True, strip_accents="unicode")),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(o["char_ngrams"]), sublinear_tf=True,
                                     min_df=o["min_df"], max_features=o["max_features"], lowercase=True)),
        ])

    def fit(self, texts: Sequence[str], targets: Targets, *, progress: bool = False) -> "TfidfBackend":
        self.vectorizer = self._vectorizer()
        X = self.vectorizer.fit_transform(list(texts))
        self.heads = LinearHeads(self.scheme, C=self.options["C"]).fit(X, targets)
        return self

    def predict_proba(self, texts: Sequence[str]) -> Probas:
        return self.heads.predict_proba(self.vectorizer.transform(list(texts)))

    def save(self, folder: Path) -> None:
        save_skops(self.vectorizer, folder / "vectorizer.skops")
        save_tensors(self.heads.tensors(), folder / "heads.safetensors")

    @classmethod
    def load(cls, folder: Path, scheme: Scheme, options: dict[str, Any]) -> "TfidfBackend":
        b = cls(scheme, **options)
        b.vectorizer = load_skops(folder / "vectorizer.skops")
        b.heads = LinearHeads.from_tensors(scheme, load_tensors(folder / "heads.safetensors"))
        return b
