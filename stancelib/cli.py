"""The ``stancelib`` command line: thin wrappers over the functions users import.

Exit codes: 0 success; 1 the input has problems (validation failed, a model
or corpus is missing); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _scheme(args):
    from stancelib.scheme import resolve_scheme

    return resolve_scheme(args.scheme)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scheme", help="label scheme JSON file (default: the shipped Seoul-Beijing scheme)")
    p.add_argument("--corpus", help="corpus folder for standoff records (default: $STANCELIB_CORPUS or ../shared/corpus)")


def cmd_validate(args) -> int:
    from stancelib.annotations import read_annotations

    records, problems = read_annotations(args.paths, _scheme(args), corpus=args.corpus)
    for p in problems:
        print(p, file=sys.stderr)
    status = "FAILED" if problems else "ok"
    print(f"{status}: {len(records)} valid records, {len(problems)} problem(s)")
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_stats(args) -> int:
    from stancelib.annotations import label_counts, load_annotations
    from stancelib.sides import outlet_side

    scheme = _scheme(args)
    records = load_annotations(args.paths, scheme, corpus=args.corpus)
    counts = label_counts(records, scheme)
    out = {"records": len(records), "documents": len({r.doc_id for r in records}),
           "labels": {k: dict(v) for k, v in counts.items()},
           "origin": dict(Counter(r.origin for r in records)),
           "side": dict(Counter(outlet_side(r.outlet) for r in records)),
           "outlets": dict(Counter(r.outlet or "unknown" for r in records).most_common()),
           "years": dict(sorted(Counter(r.date[:4] if r.date else "undated" for r in records).items())),
           "annotators": dict(Counter(r.annotator or "unknown" for r in records)),
           "double_annotated": sum(1 for r in records if len(r.annotations) >= 2)}
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{out['records']} sentences from {out['documents']} documents, "
          f"{len(out['outlets'])} outlets; {out['double_annotated']} double-annotated")
    for task, c in out["labels"].items():
        print(f"\n{task}:")
        for lab, n in c.items():
            print(f"  {lab:<14}{n:>6}")
    for key in ("origin", "side", "years"):
        print(f"\n{key}: " + ", ".join(f"{k} {v}" for k, v in out[key].items()))
    print(f"\noutlets (top {args.top}): " + ", ".join(f"{k} {v}" for k, v in list(out["outlets"].items())[: args.top]))
    return EXIT_OK


def cmd_split(args) -> int:
    import numpy as np
    from sklearn.model_selection import GroupShuffleSplit

    from stancelib.annotations import load_annotations, write_annotations
    from stancelib.training.data import groups_of

    records = load_annotations(args.paths, _scheme(args), corpus=args.corpus)
    groups = np.asarray(groups_of(records))
    tr, te = next(GroupShuffleSplit(n_splits=1, test_size=args.test_size, random_state=args.seed)
                  .split(records, groups=groups))
    out = Path(args.output)
    n_tr = write_annotations((records[i] for i in sorted(tr)), out / "train.jsonl")
    n_te = write_annotations((records[i] for i in sorted(te)), out / "test.jsonl")
    print(f"train: {n_tr} sentences ({len(set(groups[tr]))} documents) -> {out / 'train.jsonl'}")
    print(f"test:  {n_te} sentences ({len(set(groups[te]))} documents) -> {out / 'test.jsonl'}")
    return EXIT_OK


def _options(pairs: Sequence[str]) -> dict:
    out = {}
    for kv in pairs or []:
        if "=" not in kv:
            raise SystemExit(f"--set expects KEY=VALUE, got {kv!r}")
        k, v = kv.split("=", 1)
        try:
            out[k] = json.loads(v)
        except json.JSONDecodeError:
            out[k] = v
    return out


def cmd_train(args) -> int:
    from stancelib.training.train import train

    model = train(args.paths, _scheme(args), args.backend, corpus=args.corpus, seed=args.seed,
                  progress=True, calibration_folds=args.calibration_folds, **_options(args.set))
    model.save(args.output)
    cv = model.meta.get("cross_validation", {}).get("tasks", {})
    print(f"saved {model!r} to {args.output}")
    for t, m in cv.items():
        print(f"  {t}: out-of-fold macro-F1 {m['macro_f1']:.3f}")
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from stancelib.evaluation.cv import cross_validate, evaluate_model
    from stancelib.evaluation.tables import compare_table, report_table

    if args.model:
        from stancelib.model import Model

        reports = [evaluate_model(Model.load(args.model), args.paths, corpus=args.corpus, n_boot=args.bootstrap)]
    else:
        names = args.compare.split(",") if args.compare else [args.backend]
        reports = []
        for name in names:
            print(f"evaluating {name} ({args.folds} folds grouped by document)...", file=sys.stderr)
            reports.append(cross_validate(args.paths, _scheme(args), name, folds=args.folds, seed=args.seed,
                                          n_boot=args.bootstrap, corpus=args.corpus, progress=True,
                                          **_options(args.set)))
    for r in reports:
        print(report_table(r) + "\n")
    if len(reports) > 1:
        print(compare_table(reports))
    if args.output:
        Path(args.output).write_text(json.dumps(reports if len(reports) > 1 else reports[0], indent=2))
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_label(args) -> int:
    from stancelib.labeling.batch import label_paths

    summary = label_paths(args.paths, args.output, model=args.model, resume=not args.restart,
                          progress=not args.quiet)
    print(json.dumps(summary))
    return EXIT_PROBLEMS if summary.get("errors") else EXIT_OK


def cmd_agreement(args) -> int:
    from stancelib.annotations import load_annotations
    from stancelib.annotations.agreement import agreement, agreement_table

    scheme = _scheme(args)
    result = agreement(load_annotations(args.paths, scheme, corpus=args.corpus), scheme)
    print(json.dumps(result, indent=2) if args.json else agreement_table(result))
    return EXIT_OK


def cmd_convert(args) -> int:
    from stancelib.annotations import load_annotations, write_annotations
    from stancelib.annotations import convert as cv

    scheme = _scheme(args)
    readers = {"csv": cv.read_csv, "doccano": cv.read_doccano, "labelstudio": cv.read_labelstudio}
    writers = {"csv": cv.write_csv, "doccano": cv.write_doccano, "labelstudio": cv.write_labelstudio}
    if args.to == "jsonl":
        records, problems = readers[args.source](args.input, scheme)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            print(f"FAILED: {len(problems)} problem(s); nothing written", file=sys.stderr)
            return EXIT_PROBLEMS
        n = write_annotations(records, args.output)
    else:
        records = load_annotations(args.input, scheme, corpus=args.corpus)
        n = writers[args.to](records, args.output, scheme)
    print(f"wrote {n} records to {args.output}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stancelib", description=__doc__.split("\n\n")[0] + "\n\n" + __doc__.split("\n\n")[1],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("validate", help="check annotation files; report every problem with file, line and field")
    s.add_argument("paths", nargs="+", help="annotation files or folders of *.jsonl")
    _add_common(s)
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("stats", help="counts per label, outlet, year, side and origin")
    s.add_argument("paths", nargs="+")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.add_argument("--top", type=int, default=20, help="outlets to list (default 20)")
    _add_common(s)
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("split", help="split annotations into train/test by document (no document in both)")
    s.add_argument("paths", nargs="+")
    s.add_argument("-o", "--output", required=True, help="folder for train.jsonl and test.jsonl")
    s.add_argument("--test-size", type=float, default=0.2)
    s.add_argument("--seed", type=int, default=0)
    _add_common(s)
    s.set_defaults(func=cmd_split)

    s = sub.add_parser("train", help="train a model and save it to a folder")
    s.add_argument("paths", nargs="+")
    s.add_argument("-o", "--output", required=True, help="model folder to write")
    s.add_argument("--backend", default="hybrid", help="hybrid (default), tfidf, embeddings, setfit, transformer or a registered one")
    s.add_argument("--set", action="append", metavar="KEY=VALUE", help="backend option, e.g. --set encoder=mpnet")
    s.add_argument("--calibration-folds", type=int, default=None)
    s.add_argument("--seed", type=int, default=0)
    _add_common(s)
    s.set_defaults(func=cmd_train)

    s = sub.add_parser("evaluate", help="document-grouped cross-validation, or score a trained model (--model)")
    s.add_argument("paths", nargs="+")
    s.add_argument("--backend", default="hybrid")
    s.add_argument("--compare", help="comma-separated backends to cross-validate in one run")
    s.add_argument("--model", help="score this trained model folder on the annotations instead")
    s.add_argument("--folds", type=int, default=5)
    s.add_argument("--bootstrap", type=int, default=1000, help="document bootstrap resamples for 95%% intervals")
    s.add_argument("--set", action="append", metavar="KEY=VALUE")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("-o", "--output", help="write the report(s) as JSON here")
    _add_common(s)
    s.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("label", help="label articles (.txt, .html, .jsonl) sentence by sentence; resumable")
    s.add_argument("paths", nargs="+", help="files or folders of articles")
    s.add_argument("-o", "--output", required=True, help="JSON-lines file of labeled sentences")
    s.add_argument("--model", default="default", help="model folder (default: the shipped model)")
    s.add_argument("--restart", action="store_true", help="ignore earlier output instead of resuming")
    s.add_argument("--quiet", action="store_true")
    s.set_defaults(func=cmd_label)

    s = sub.add_parser("agreement", help="inter-annotator agreement on double-annotated records")
    s.add_argument("paths", nargs="+")
    s.add_argument("--json", action="store_true")
    _add_common(s)
    s.set_defaults(func=cmd_agreement)

    s = sub.add_parser("convert", help="import from or export to CSV, doccano JSONL, Label Studio JSON")
    s.add_argument("input")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--from", dest="source", choices=["csv", "doccano", "labelstudio"], default=None,
                   help="import this format into stancelib JSONL")
    s.add_argument("--to", choices=["jsonl", "csv", "doccano", "labelstudio"], default="jsonl")
    _add_common(s)
    s.set_defaults(func=cmd_convert)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "convert" and (args.to == "jsonl") == (args.source is None):
        parser.error("convert: give --from FORMAT to import, or --to FORMAT to export stancelib JSONL")
    from stancelib.annotations import AnnotationError, CorpusError
    from stancelib.persistence import UnsafeModelError
    from stancelib.scheme import SchemeError

    try:
        return args.func(args)
    except (AnnotationError, CorpusError, SchemeError, UnsafeModelError, FileNotFoundError, FileExistsError,
            ValueError) as e:
        print(f"stancelib {args.command}: error: {e}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
