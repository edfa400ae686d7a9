"""A terminal summary of a labeled-sentences file: label shares per article.

    python -m stancelib.reports.summary out/seeds.labels.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def summarize(path: str | Path) -> str:
    per: dict[str, list[dict]] = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            per[row["doc_key"]].append(row)
    tasks = [k for k in next(iter(per.values()))[0].get("scores", {})] if per else []
    out = [f"{sum(map(len, per.values()))} sentences in {len(per)} articles ({path})"]
    for key, rows in per.items():
        out.append(f"\n{Path(key).name}: {len(rows)} sentences")
        for t in tasks:
            c = Counter(l for r in rows for l in (r[t] if isinstance(r[t], list) else [r[t]]))
            out.append(f"  {t:<8} " + ", ".join(f"{l} {n}" for l, n in c.most_common()))
        head = rows[0]
        out.append(f"  first: {head['text'][:90]!r} -> " + "; ".join(f"{t}={head[t]}" for t in tasks))
    return "\n".join(out)


if __name__ == "__main__":
    print(summarize(sys.argv[1]))
