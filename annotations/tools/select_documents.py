"""Choose the corpus documents to annotate (run once; the choice is recorded in annotations/README.md).

Spreads the sample over outlets, years and both sides of the coverage, and
seeks out documents likely to hold the rare labels by what the *documents*
talk about (word counts over the whole page), never by a model's guesses.
Every labelable sentence of a chosen document is annotated.

    python annotations/tools/select_documents.py ../shared/corpus OUT.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from stancelib.text import segment_article
from stancelib.sides import outlet_side

RARE_WORDS = {
    "taiwan": r"taiwan|one-china|cross-strait",
    "sovereignty": r"core interest|sovereign|interference|internal affairs|territorial|dignity|exclusive economic zone",
    "pragmatism": r"pragmati|balanc|hedg|national interest|zero-sum|strategic ambiguity|practical",
    "stability": r"stabil|stable|crisis|predictab|turmoil|\brisks?\b",
    "against": r"retaliat|coerc|regret|oppos|condemn|protest|boycott|threat|bully|interfer",
}
TARGET_SENTENCES = 3200
MAX_SENTENCES_PER_DOC = 22
PER_RARE = 26
MAX_PER_OUTLET = 8


def main(corpus: Path, out: Path) -> None:
    docs = [json.loads(line) for line in open(corpus / "documents.jsonl", encoding="utf-8")]
    rng = random.Random(20261201)
    usable = []
    for d in docs:
        sents = segment_article(d["text"])
        body = [s for s in sents if s.kind == "body"]
        if len(body) < 4 or len(sents) > MAX_SENTENCES_PER_DOC or len(body) < 0.6 * len(sents):
            continue
        d["_n"] = len(sents)
        usable.append(d)
    rng.shuffle(usable)
    chosen: dict[str, dict] = {}
    per_outlet: Counter = Counter()

    def take(d: dict, why: str) -> bool:
        if d["doc_id"] in chosen or per_outlet[d["outlet"]] >= MAX_PER_OUTLET:
            return False
        d["_why"] = why
        chosen[d["doc_id"]] = d
        per_outlet[d["outlet"]] += 1
        return True

    for label, pattern in RARE_WORDS.items():
        rx = re.compile(pattern, re.IGNORECASE)
        ranked = sorted(usable, key=lambda d: -len(rx.findall(d["text"])))
        got = 0
        for d in ranked:
            if got >= PER_RARE:
                break
            got += take(d, f"rare:{label}")
    # Fill round-robin over (side, year) strata so no side or period dominates.
    strata: dict[tuple, list] = {}
    for d in usable:
        strata.setdefault((outlet_side(d["outlet"]), (d["date"] or "none")[:4]), []).append(d)
    keys = sorted(strata)
    while sum(d["_n"] for d in chosen.values()) < TARGET_SENTENCES and any(strata.values()):
        for k in keys:
            if strata[k]:
                take(strata[k].pop(), "spread")
    with open(out, "w", encoding="utf-8") as fh:
        for d in sorted(chosen.values(), key=lambda d: d["doc_id"]):
            fh.write(json.dumps({"doc_id": d["doc_id"], "outlet": d["outlet"], "date": d["date"],
                                 "side": outlet_side(d["outlet"]), "why": d["_why"], "sentences": d["_n"]}) + "\n")
    n = sum(d["_n"] for d in chosen.values())
    print(f"{len(chosen)} documents, {n} sentences, {len(per_outlet)} outlets", file=sys.stderr)
    print(Counter(outlet_side(d["outlet"]) for d in chosen.values()), file=sys.stderr)
    print(Counter((d["date"] or "none")[:4] for d in chosen.values()), file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
