"""``tfidf``: word and character n-gram TF-IDF features with linear heads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

import numpy as np

from stancelib.persistence import load_tensors, read_json, save_tensors, write_json
from stancelib.scheme import Scheme
from stancelib.training.base import Backend, Probas, Targets
from stancelib.training.heads import LinearHeads
from stancelib.training.registry import register_backend


_PARAMS = ("analyzer", "ngram_range", "lowercase", "strip_accents", "sublinear_tf", "min_df", "max_df",
           "max_features", "norm", "use_idf", "smooth_idf", "token_pattern", "binary")


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
        """Vocabulary and settings as JSON, idf weights and heads as safetensors: no pickle, no code."""
        parts, tensors = {}, self.heads.tensors("heads.")
        for name, vec in self.vectorizer.transformer_list:
            terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
            params = {k: v for k, v in vec.get_params().items() if k in _PARAMS}
            parts[name] = {"params": params, "terms": terms}
            tensors[f"idf.{name}"] = vec.idf_.astype(np.float64)
        write_json({"format": "stancelib-tfidf/1", "vectorizers": parts}, folder / "vectorizer.json")
        save_tensors(tensors, folder / "weights.safetensors")

    @classmethod
    def load(cls, folder: Path, scheme: Scheme, options: dict[str, Any]) -> "TfidfBackend":
        b = cls(scheme, **options)
        info = read_json(folder / "vectorizer.json")
        tensors = load_tensors(folder / "weights.safetensors")
        vecs = []
        for name, part in info["vectorizers"].items():
            params = {k: (tuple(v) if k == "ngram_range" else v) for k, v in part["params"].items() if k in _PARAMS}
            vec = TfidfVectorizer(**params)
            vec.vocabulary_ = {t: i for i, t in enumerate(part["terms"])}
            vec.idf_ = tensors[f"idf.{name}"]
            vecs.append((name, vec))
        b.vectorizer = FeatureUnion(vecs)
        b.heads = LinearHeads.from_tensors(scheme, tensors, prefix="heads.")
        return b
