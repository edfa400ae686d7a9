"""Public benchmarks with stancelib's backends, printed beside the published numbers.

    python benchmarks/public.py [--backends tfidf,embeddings,hybrid,embeddings@mpnet,transformer]
                                [--sets semeval,gvfc,newsmtsc] [--set transformer.epochs=3]

Reads ../shared/benchmarks (never copies it). Each data set becomes a scheme
with one single-label task, trained through ``stancelib.train`` like any team's.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

import numpy as np

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from _shared import REPO, SHARED, need, timed  # noqa: E402

import stancelib  # noqa: E402
from stancelib.evaluation.metrics import task_metrics  # noqa: E402
from stancelib.scheme import Scheme  # noqa: E402

B = SHARED / "benchmarks"
PUBLISHED = {
    "semeval": "F_avg: organizers' SVM 68.98 (unconfirmed), TweetEval SVM 67.3, best 72.9 (TimeLMs)",
    "gvfc": "BERT (Akyurek et al. 2020): accuracy 0.83 (F1-micro), macro-F1 0.77",
    "newsmtsc": "GRU-TSC (RoBERTa): F1m 83.1 (rw), 82.5 (mt)",
}


def scheme_for(name: str, labels: list[str]) -> Scheme:
    return Scheme.from_dict({"name": name, "tasks": [{"name": "label", "kind": "single_label", "labels": labels}]})


def fit_predict(scheme, train_texts, train_labels, test_texts, backend, options):
    data = [{"id": str(i), "text": t, "labels": {"label": y}} for i, (t, y) in enumerate(zip(train_texts, train_labels))]
    model, secs, peak = timed(lambda: stancelib.train(data, scheme, backend, calibration_folds=0, **options))
    preds, psecs, _ = timed(lambda: model.predict(test_texts))
    return [p["label"] for p in preds], secs, psecs, peak


def f1s(scheme, gold, pred):
    t = scheme["label"]
    return task_metrics(t, np.array([t.index(g) for g in gold]), np.array([t.index(p) for p in pred]))


def semeval(backend, options):
    rows = lambda f: [json.loads(l) for l in open(need(B / "semeval2016_task6a" / f), encoding="utf-8")]  # noqa: E731
    tr, te = rows("train.jsonl"), rows("test.jsonl")
    text = lambda r: f"{r['target']}: {r['tweet']}"  # noqa: E731
    sc = scheme_for("semeval2016", ["FAVOR", "AGAINST", "NONE"])
    pred, secs, psecs, peak = fit_predict(sc, [text(r) for r in tr], [r["stance"] for r in tr],
                                          [text(r) for r in te], backend, options)
    m = f1s(sc, [r["stance"] for r in te], pred)
    f_avg = 100 * (m["labels"]["FAVOR"]["f1"] + m["labels"]["AGAINST"]["f1"]) / 2
    # The organizers' SVM trained one classifier per target; so does this second figure.
    gold, per_pred, per_secs = [], [], 0.0
    for target in sorted({r["target"] for r in tr}):
        a = [r for r in tr if r["target"] == target]
        b = [r for r in te if r["target"] == target]
        p, s, _, _ = fit_predict(sc, [r["tweet"] for r in a], [r["stance"] for r in a], [r["tweet"] for r in b],
                                 backend, options)
        gold += [r["stance"] for r in b]
        per_pred += p
        per_secs += s
    m2 = f1s(sc, gold, per_pred)
    f_avg2 = 100 * (m2["labels"]["FAVOR"]["f1"] + m2["labels"]["AGAINST"]["f1"]) / 2
    return {"F_avg": round(f_avg, 2), "F_avg_per_target_models": round(f_avg2, 2), "train_s": round(secs, 1),
            "train_s_per_target": round(per_secs, 1), "predict_s": round(psecs, 1), "peak_mb": round(peak)}


def gvfc(backend, options):
    folds = {r["id"]: int(r["fold"]) for r in csv.DictReader(open(need(B / "gvfc" / "gvfc_folds_akyurek2020.csv"), encoding="utf-8"))}
    rows = [r for r in csv.DictReader(open(B / "gvfc" / "GVFC_extension_multimodal.csv", encoding="utf-8"))
            if r["id"] in folds and r["Q3 Theme1"] not in ("99", "", None)]
    labels = sorted({r["Q3 Theme1"] for r in rows}, key=int)
    sc = scheme_for("gvfc", labels)
    gold, pred, secs = [], [], 0.0
    peak = 0.0
    for k in range(5):
        tr = [r for r in rows if folds[r["id"]] != k]
        te = [r for r in rows if folds[r["id"]] == k]
        p, s, _, peak = fit_predict(sc, [r["headline"] for r in tr], [r["Q3 Theme1"] for r in tr],
                                    [r["headline"] for r in te], backend, options)
        gold += [r["Q3 Theme1"] for r in te]
        pred += p
        secs += s
    m = f1s(sc, gold, pred)
    return {"accuracy": round(m["accuracy"], 3), "macro_f1": round(m["macro_f1"], 3), "n": len(gold),
            "train_s": round(secs, 1), "peak_mb": round(peak)}


def _targets(path):
    out = []
    for line in open(need(path), encoding="utf-8"):
        d = json.loads(line)
        s = d["sentence_normalized"]
        for t in d["targets"]:
            marked = f"{s[:t['from']]}[{s[t['from']:t['to']]}]{s[t['to']:]}"
            out.append((f"{t['mention']}: {marked}", {2.0: "negative", 4.0: "neutral", 6.0: "positive"}[float(t["polarity"])]))
    return out


def newsmtsc(backend, options):
    tr = _targets(B / "newsmtsc" / "train.jsonl")
    sc = scheme_for("newsmtsc", ["negative", "neutral", "positive"])
    data = [{"id": str(i), "text": t, "labels": {"label": y}} for i, (t, y) in enumerate(tr)]
    model, secs, peak = timed(lambda: stancelib.train(data, sc, backend, calibration_folds=0, **options))
    out = {"train_s": round(secs, 1), "peak_mb": round(peak)}
    for split in ("rw", "mt"):
        te = _targets(B / "newsmtsc" / "paper_splits" / split / "test.jsonl")
        pred = [p["label"] for p in model.predict([t for t, _ in te])]
        out[f"F1m_{split}"] = round(100 * f1s(sc, [y for _, y in te], pred)["macro_f1"], 2)
    return out


SETS = {"semeval": semeval, "gvfc": gvfc, "newsmtsc": newsmtsc}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backends", default="tfidf,embeddings")
    ap.add_argument("--sets", default="semeval,gvfc,newsmtsc")
    ap.add_argument("--set", action="append", default=[], metavar="BACKEND.KEY=VALUE",
                    help="backend option, e.g. transformer.epochs=3")
    ap.add_argument("-o", "--output", default=str(REPO / "benchmarks" / "results" / "public.json"))
    args = ap.parse_args()
    opts: dict[str, dict] = {}
    for kv in args.set:
        k, v = kv.split("=", 1)
        b, key = k.split(".", 1)
        opts.setdefault(b, {})[key] = json.loads(v) if v[:1].isdigit() or v in ("true", "false") else v
    results = {}
    for s in args.sets.split(","):
        print(f"\n{s}: published {PUBLISHED[s]}", flush=True)
        for b in args.backends.split(","):
            name, _, encoder = b.partition("@")  # e.g. embeddings@mpnet
            o = {**opts.get(name, {}), **({"encoder": encoder} if encoder else {})}
            r = SETS[s](name, o)
            results[f"{s}/{b}"] = r
            print(f"  {b:<12} {r}", flush=True)
    out = __import__("pathlib").Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
