"""Label Studio: labeling config, JSON and JSON-MIN exports (one Choices control per task), predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Sequence
from xml.sax.saxutils import quoteattr

from stancelib.annotations.convert._common import build_record, provenance, provenance_of
from stancelib.annotations.io import Problem
from stancelib.annotations.record import Record
from stancelib.scheme import Scheme, resolve_scheme


def labelstudio_config(scheme: Scheme | None = None) -> str:
    """The labeling config XML: a Text object and one Choices control per task."""
    scheme = resolve_scheme(scheme)
    parts = ['<View>', '  <Text name="text" value="$text"/>']
    for t in scheme:
        choice = "multiple" if t.multi_label else "single"
        parts.append(f'  <Header value={quoteattr(t.name)}/>')
        required = "" if t.multi_label else ' required="true"'
        parts.append(f'  <Choices name={quoteattr(t.name)} toName="text" choice="{choice}"{required}>')
        parts += [f'    <Choice value={quoteattr(l)}/>' for l in t.labels]
        parts.append('  </Choices>')
    parts.append('</View>')
    return "\n".join(parts) + "\n"


def _result(labels: dict[str, Any], scheme: Scheme, scores: dict[str, float] | None = None) -> list[dict]:
    out = []
    for t in scheme:
        v = labels.get(t.name)
        choices = list(v) if isinstance(v, list) else [v]
        if t.multi_label and not choices:
            continue
        item = {"from_name": t.name, "to_name": "text", "type": "choices", "value": {"choices": choices}}
        if scores and t.name in scores:
            item["score"] = scores[t.name]
        out.append(item)
    return out


def _labels_from_result(result: list[dict], scheme: Scheme) -> dict[str, Any]:
    labels: dict[str, Any] = {t.name: [] for t in scheme if t.multi_label}
    for item in result:
        if item.get("type") != "choices":
            continue
        name, choices = item.get("from_name"), item.get("value", {}).get("choices", [])
        try:
            task = scheme[name]
        except KeyError:
            labels[name] = choices  # reported as an unknown task
            continue
        labels[name] = list(choices) if task.multi_label else (choices[0] if len(choices) == 1 else choices)
    return labels


def _annotator(ann: dict) -> str:
    who = ann.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email") or who.get("id"))
    return str(who if who is not None else ann.get("id", "unknown"))


def _task(r: Record, scheme: Scheme) -> dict:
    return {"id": r.id, "data": {"text": r.text, "record_id": r.id, **provenance_of(r)}}


def write_labelstudio(records: Iterable[Record], path: str | Path, scheme: Scheme | None = None) -> int:
    """Label Studio JSON tasks with one annotation per annotator (from ``annotations``, else ``labels``)."""
    scheme = resolve_scheme(scheme)
    tasks = []
    for r in records:
        task = _task(r, scheme)
        anns = r.annotations or [{"annotator": r.annotator or "stancelib", "labels": r.labels}]
        task["annotations"] = [{"id": k + 1, "completed_by": {"email": a["annotator"]},
                                "result": _result(a["labels"], scheme)} for k, a in enumerate(anns)]
        tasks.append(task)
    Path(path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(tasks)


def write_labelstudio_predictions(texts: Sequence[str], predictions: Sequence[dict], path: str | Path,
                                  scheme: Scheme | None = None, *, model_version: str = "stancelib",
                                  data: Sequence[dict] | None = None) -> int:
    """Tasks with ``predictions`` (labels and scores) so model output can be reviewed in Label Studio.

    ``predictions`` are rows as returned by ``Model.predict(..., return_scores=True)``:
    ``{task: label(s), "scores": {task: {label: p}}}``.
    """
    scheme = resolve_scheme(scheme)
    tasks = []
    for i, (text, pred) in enumerate(zip(texts, predictions)):
        scores = pred.get("scores", {})
        per_task = {}
        for t in scheme:
            chosen = pred[t.name] if isinstance(pred[t.name], list) else [pred[t.name]]
            s = [scores.get(t.name, {}).get(l) for l in chosen]
            s = [x for x in s if x is not None]
            if s:
                per_task[t.name] = round(float(min(s)), 4)
        overall = min(per_task.values()) if per_task else None
        extra = dict(data[i]) if data else {}
        tasks.append({"data": {"text": text, **extra},
                      "predictions": [{"model_version": model_version, "score": overall,
                                       "result": _result({t.name: pred[t.name] for t in scheme}, scheme, per_task)}]})
    Path(path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(tasks)


def read_labelstudio(path: str | Path, scheme: Scheme | None = None) -> tuple[list[Record], list[Problem]]:
    """Read a Label Studio JSON or JSON-MIN export; return records and problems.

    With several annotators on an item, each is kept in ``Record.annotations``;
    ``labels`` is the first annotator's until disagreements are resolved.
    Cancelled (skipped) annotations are ignored. Items are numbered from 1 as "lines".
    """
    scheme = resolve_scheme(scheme)
    file = str(path)
    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return [], [Problem(file, e.lineno, "json", f"malformed JSON: {e.msg}")]
    if not isinstance(items, list):
        return [], [Problem(file, 1, "json", "expected a JSON list of tasks")]
    if items and isinstance(items[0], dict) and "data" not in items[0] and "text" in items[0]:
        return _read_min(items, scheme, file)
    records, problems = [], []
    for n, item in enumerate(items, 1):
        data = item.get("data", {})
        anns = [a for a in item.get("annotations", []) if not a.get("was_cancelled")]
        if not anns:
            problems.append(Problem(file, n, "annotations", f"task {item.get('id')} has no annotation"))
            continue
        per = [{"annotator": _annotator(a), "labels": _labels_from_result(a.get("result", []), scheme)} for a in anns]
        rid = data.get("record_id", item.get("id"))
        rec = build_record(rid, data.get("text"), per[0]["labels"], {**data, "annotator": per[0]["annotator"]},
                           scheme, file, n, problems, per if len(per) > 1 else None)
        if rec:
            records.append(rec)
    return records, problems


def _read_min(items: list[dict], scheme: Scheme, file: str) -> tuple[list[Record], list[Problem]]:
    """JSON-MIN: one flat row per annotation; several annotators give several rows with one id."""
    grouped: dict[Any, list[tuple[int, dict]]] = {}
    for n, row in enumerate(items, 1):
        grouped.setdefault(row.get("record_id", row.get("id")), []).append((n, row))
    records, problems = [], []
    for rid, rows in grouped.items():
        per = []
        for n, row in rows:
            labels: dict[str, Any] = {}
            for t in scheme:
                v = row.get(t.name)
                if isinstance(v, dict):
                    v = v.get("choices", [])
                if t.multi_label:
                    labels[t.name] = [] if v is None else ([v] if isinstance(v, str) else list(v))
                else:
                    labels[t.name] = v
            per.append({"annotator": str(row.get("annotator", "unknown")), "labels": labels})
        n, first = rows[0]
        if any(v is None for v in per[0]["labels"].values()):
            problems += [Problem(file, n, f"labels.{k}", "missing choice for a single-label task")
                         for k, v in per[0]["labels"].items() if v is None]
            continue
        rec = build_record(rid, first.get("text"), per[0]["labels"], {**provenance(first), "annotator": per[0]["annotator"]},
                           scheme, file, n, problems, per if len(per) > 1 else None)
        if rec:
            records.append(rec)
    return records, problems
