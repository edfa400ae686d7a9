"""Training time and peak memory per backend on the project's annotated corpus, and prediction speed.

    python benchmarks/cost.py [--backends tfidf,embeddings,setfit,transformer] [--threads 2]

Each backend trains in its own subprocess (so peak memory is its own) on all
annotations, with its default calibration. Prediction speed is a ratio in
one run against its floor: ``Model.predict`` vs. the bare encoder's forward
pass (``SentenceTransformer.encode``) on the same sentences, with the
absolute rate and the average sentence length printed too. On a GPU machine
the transformer backend uses the GPU automatically.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import REPO, SHARED, need  # noqa: E402

# Settings that keep the fine-tuning backends to minutes on 2 CPU cores.
OPTIONS = {"tfidf": {}, "embeddings": {}, "hybrid": {}, "setfit": {"num_iterations": 1, "max_steps": 100},
           "transformer": {"epochs": 1}}


def child(backend: str, out: str) -> None:
    import torch

    import stancelib
    from stancelib.annotations import load_annotations

    recs = load_annotations(REPO / "annotations", corpus=need(SHARED / "corpus"))
    t = time.perf_counter()
    model = stancelib.train(recs, backend=backend, **OPTIONS[backend])
    secs = time.perf_counter() - t
    texts = [r.text for r in recs[:1000]]
    result = {"backend": backend, "sentences": len(recs), "train_s": round(secs, 1),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
              "threads": torch.get_num_threads(), "options": OPTIONS[backend]}
    cache = getattr(getattr(model.backend, "encoder", None), "_cache", None)
    if cache is not None:
        cache.clear()  # training embedded these sentences: time prediction from scratch
    model.predict(texts[:64])  # warm-up
    if cache is not None:
        cache.clear()
    t = time.perf_counter()
    model.predict(texts)
    pred_s = time.perf_counter() - t
    result["predict_per_s"] = round(len(texts) / pred_s, 1)
    result["avg_chars"] = round(sum(map(len, texts)) / len(texts), 1)
    if backend in ("embeddings", "hybrid", "setfit"):
        from stancelib.training.encoders import Encoder, resolve_encoder

        enc = model.backend.body if backend == "setfit" else Encoder(resolve_encoder("minilm")).model
        enc.encode(texts[:64])
        t = time.perf_counter()
        enc.encode(texts, batch_size=64, convert_to_numpy=True, normalize_embeddings=True)
        floor = time.perf_counter() - t
        result["encoder_floor_per_s"] = round(len(texts) / floor, 1)
        result["predict_vs_floor"] = round(pred_s / floor, 3)
    Path(out).write_text(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backends", default="tfidf,embeddings,hybrid,setfit,transformer")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("-o", "--output", default=str(REPO / "benchmarks" / "results" / "cost.json"))
    args = ap.parse_args()
    if args.child:
        return child(*args.child)
    env = {**os.environ, "OMP_NUM_THREADS": str(args.threads), "MKL_NUM_THREADS": str(args.threads),
           "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    results = []
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    for b in args.backends.split(","):
        tmp = out.with_suffix(f".{b}.json")
        subprocess.run([sys.executable, __file__, "--child", b, str(tmp)], env=env, check=True)
        r = json.loads(tmp.read_text())
        results.append(r)
        print(json.dumps(r), flush=True)
    out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
