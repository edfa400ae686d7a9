"""``hybrid``: TF-IDF n-grams and frozen sentence embeddings side by side, with linear heads.

The n-grams catch the codebook's lens words ("core interests", "pragmatic",
"retaliation"); the embeddings catch paraphrase. On the project's corpus this
beat either alone (see README, "Measured").
"""

from __future__ import annotations

from typing import Sequence

from scipy import sparse

from stancelib.training.base import Probas, Targets
from stancelib.training.embeddings import EmbeddingsBackend
from stancelib.training.heads import LinearHeads
from stancelib.training.registry import register_backend
from stancelib.training.tfidf import TfidfBackend


@register_backend("hybrid")
class HybridBackend(TfidfBackend):
    """TF-IDF (as in ``tfidf``) concatenated with ``embedding_weight`` x the encoder's unit-length embedding.

    Saved like ``tfidf`` (vocabulary in JSON, idf and heads in safetensors); the encoder comes from its package.
    """

    defaults = {**TfidfBackend.defaults, "C": 8.0, "max_features": 30_000, "encoder": "minilm",
                "embedding_weight": 1.0, "batch_size": 64}

    encoder = EmbeddingsBackend.encoder
    describe = EmbeddingsBackend.describe

    def _features(self, texts: Sequence[str], *, fit: bool = False, progress: bool = False):
        texts = list(texts)
        ngrams = self.vectorizer.fit_transform(texts) if fit else self.vectorizer.transform(texts)
        emb = self.encoder.encode(texts, progress=progress) * self.options["embedding_weight"]
        return sparse.hstack([ngrams, sparse.csr_matrix(emb)]).tocsr()

    def fit(self, texts: Sequence[str], targets: Targets, *, progress: bool = False) -> "HybridBackend":
        self.vectorizer = self._vectorizer()
        X = self._features(texts, fit=True, progress=progress)
        self.heads = LinearHeads(self.scheme, C=self.options["C"]).fit(X, targets)
        return self

    def predict_proba(self, texts: Sequence[str]) -> Probas:
        return self.heads.predict_proba(self._features(texts))
