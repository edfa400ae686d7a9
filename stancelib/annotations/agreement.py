"""Inter-annotator agreement on records that carry two or more independent annotations."""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
from sklearn.metrics import cohen_kappa_score

from stancelib.annotations.record import Record
from stancelib.scheme import Scheme


def _alpha(matrix: np.ndarray) -> float:
    import krippendorff

    if len(np.unique(matrix[~np.isnan(matrix)])) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))


def agreement(records: Iterable[Record], scheme: Scheme) -> dict[str, Any]:
    """Cohen's kappa and percent agreement per single-label task (first two annotators);
    Krippendorff's alpha (nominal, all annotators) per multi-label task, per label and pooled."""
    items = [r for r in records if len(r.annotations) >= 2]
    out: dict[str, Any] = {"items": len(items), "annotators": sorted({a["annotator"] for r in items for a in r.annotations}),
                           "tasks": {}}
    if not items:
        return out
    for t in scheme:
        if t.multi_label:
            per_label, stacked = {}, []
            k = max(len(r.annotations) for r in items)
            for lab in t.labels:
                m = np.full((k, len(items)), np.nan)
                for j, r in enumerate(items):
                    for i, a in enumerate(r.annotations):
                        m[i, j] = float(lab in a["labels"][t.name])
                stacked.append(m)
                a, b = m[0], m[1]
                per_label[lab] = {"alpha": _alpha(m), "kappa": float(cohen_kappa_score(a, b)),
                                  "agreement": float(np.mean(a == b)), "positives": int(np.nansum(m))}
            exact = float(np.mean([set(r.annotations[0]["labels"][t.name]) == set(r.annotations[1]["labels"][t.name])
                                   for r in items]))
            out["tasks"][t.name] = {"kind": t.kind, "alpha": _alpha(np.concatenate(stacked, axis=1)),
                                    "exact_set_agreement": exact, "labels": per_label}
        else:
            a = [r.annotations[0]["labels"][t.name] for r in items]
            b = [r.annotations[1]["labels"][t.name] for r in items]
            codes = {l: i for i, l in enumerate(t.labels)}
            m = np.array([[codes[x] for x in a], [codes[x] for x in b]], dtype=float)
            out["tasks"][t.name] = {"kind": t.kind, "kappa": float(cohen_kappa_score(a, b, labels=list(t.labels))),
                                    "alpha": _alpha(m), "agreement": float(np.mean(np.array(a) == np.array(b)))}
    return out


def agreement_table(result: dict[str, Any]) -> str:
    lines = [f"{result['items']} double-annotated sentences; annotators: {', '.join(result['annotators'])}"]
    for name, m in result["tasks"].items():
        if m["kind"] == "multi_label":
            lines.append(f"{name}: Krippendorff's alpha {m['alpha']:.3f} (pooled over labels), "
                         f"exact set agreement {m['exact_set_agreement']:.3f}")
            for lab, v in m["labels"].items():
                lines.append(f"  {lab:<14} alpha {v['alpha']:.3f}  kappa {v['kappa']:.3f}  "
                             f"agreement {v['agreement']:.3f}  positives {v['positives']}")
        else:
            lines.append(f"{name}: Cohen's kappa {m['kappa']:.3f}, alpha {m['alpha']:.3f}, "
                         f"agreement {m['agreement']:.3f}")
    return "\n".join(lines)
