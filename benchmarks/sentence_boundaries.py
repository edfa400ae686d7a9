"""Sentence-boundary precision and recall of the text pipeline against hand-checked gold.

    python benchmarks/sentence_boundaries.py [-v]

Gold (benchmarks/data/sentence_gold.jsonl) is standoff: for each document,
the character spans of its article sentences as a person segmented them,
page debris left out; 5 seed articles and 22 corpus documents. Texts come
from seeds/ and ../shared/corpus (checked by sha256).

Reported:
- boundaries: sentence ends inside article content (where a sentence stops);
  predicted sentences are scored where they overlap gold content, so debris
  handling does not blur the splitting figure;
- sentences: exact (start, end) matches over everything the pipeline keeps,
  so kept debris and dropped content count here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import REPO, SHARED, need  # noqa: E402

from stancelib.text import segment_article  # noqa: E402


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="print each miss")
    args = ap.parse_args()
    corpus = {}
    for line in open(need(SHARED / "corpus" / "documents.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        corpus[d["doc_id"]] = d["text"]
    for p in (REPO / "seeds").glob("*.txt"):
        corpus[f"seed-{p.stem}"] = p.read_text(encoding="utf-8")
    tp_b = n_pred_b = n_gold_b = tp_s = n_pred_s = n_gold_s = 0
    for line in open(REPO / "benchmarks" / "data" / "sentence_gold.jsonl", encoding="utf-8"):
        g = json.loads(line)
        text = corpus[g["doc_id"]]
        if hashlib.sha256(text.encode()).hexdigest() != g["sha256"]:
            sys.exit(f"{g['doc_id']}: document text changed since the gold was made")
        gold = [tuple(s) for s in g["sentences"]]
        pred = [(s.start, s.end) for s in segment_article(text)]
        gold_ends = {e for _, e in gold}
        inside = [(s, e) for s, e in pred if any(s < ge and e > gs for gs, ge in gold)]
        pred_ends = {e for _, e in inside}
        tp_b += len(gold_ends & pred_ends)
        n_pred_b += len(pred_ends)
        n_gold_b += len(gold_ends)
        tp_s += len(set(gold) & set(pred))
        n_pred_s += len(pred)
        n_gold_s += len(gold)
        if args.verbose:
            for e in sorted(gold_ends - pred_ends):
                print(f"{g['doc_id']} missed end: {text[max(0, e - 50):e]!r} | {text[e:e + 30]!r}")
            for e in sorted(pred_ends - gold_ends):
                print(f"{g['doc_id']} false end:  {text[max(0, e - 50):e]!r} | {text[e:e + 30]!r}")
    p, r, f = prf(tp_b, n_pred_b, n_gold_b)
    print(f"boundaries: {n_gold_b} gold in {sum(1 for _ in open(REPO / 'benchmarks/data/sentence_gold.jsonl'))} documents; "
          f"precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    p, r, f = prf(tp_s, n_pred_s, n_gold_s)
    print(f"sentences (exact span, debris handling included): {n_gold_s} gold, {n_pred_s} kept; "
          f"precision {p:.3f} recall {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
