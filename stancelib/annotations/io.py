"""Reading, validating, resolving and writing annotation files (JSON lines)."""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import jsonschema

from stancelib.annotations.corpus import Corpus, CorpusError, find_corpus
from stancelib.annotations.record import ORIGINS, Record, text_hash
from stancelib.scheme import Scheme, resolve_scheme


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an annotation file, located to file, line and field."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class AnnotationError(ValueError):
    """Annotations failed validation; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in annotations:\n{shown}{more}")


_SCHEMA = json.loads(resources.files("stancelib.annotations").joinpath("schema.json").read_text(encoding="utf-8"))
_VALIDATOR = jsonschema.Draft202012Validator(_SCHEMA)


def annotation_files(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (every ``*.jsonl`` inside, sorted) into a list of files."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.glob("*.jsonl")))
        else:
            files.append(p)
    return files


def iter_json_lines(path: Path, problems: list[Problem]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` per JSON line; malformed lines become problems, not exceptions."""
    try:
        fh = open(path, encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(str(path), 0, "file", "file not found"))
        return
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(Problem(str(path), n, "json", f"malformed JSON: {e.msg} at column {e.colno}"))
                continue
            if not isinstance(obj, dict):
                problems.append(Problem(str(path), n, "json", f"expected a JSON object, got {type(obj).__name__}"))
                continue
            yield n, obj


def _schema_problems(obj: dict[str, Any], file: str, line: int) -> list[Problem]:
    out = []
    for err in sorted(_VALIDATOR.iter_errors(obj), key=lambda e: list(e.absolute_path)):
        path = ".".join(str(p) for p in err.absolute_path) or "record"
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            out.append(Problem(file, line, missing, "missing required field"))
        elif err.validator == "oneOf" and not err.absolute_path:
            has = [k for k in ("text", "sha256") if k in obj]
            msg = ("needs either 'text' (inline) or 'sha256' (standoff)" if not has
                   else "has both 'text' and 'sha256': a record is inline or standoff, not both")
            out.append(Problem(file, line, "text", msg))
        elif path == "text" and err.validator in ("pattern", "minLength"):
            out.append(Problem(file, line, "text", "empty text"))
        elif err.validator == "additionalProperties":
            out.append(Problem(file, line, path, err.message))
        else:
            out.append(Problem(file, line, path, f"expected {err.schema.get('type', err.validator)}: {err.message}"))
    return out


def _date_problem(value: Any) -> str | None:
    if value is None:
        return None
    parts = str(value).split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        _dt.date(y, m, d)
    except (ValueError, IndexError):
        return f"not a valid date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    return None


def check_labels(labels: Any, scheme: Scheme, file: str, line: int, field: str = "labels") -> list[Problem]:
    """Every task of the scheme present, with known labels; exactly one for single-label tasks."""
    out: list[Problem] = []
    if not isinstance(labels, dict):
        return [Problem(file, line, field, "expected an object mapping task to labels")]
    for task in scheme:
        where = f"{field}.{task.name}"
        if task.name not in labels:
            out.append(Problem(file, line, where, f"missing task {task.name!r}"))
            continue
        value = labels[task.name]
        if task.multi_label:
            if not isinstance(value, list):
                out.append(Problem(file, line, where, f"multi-label task expects a list, got {value!r}"))
                continue
            values = value
        else:
            if isinstance(value, list):
                out.append(Problem(file, line, where,
                                   f"single-label task expects exactly one label, got {len(value)}: {value!r}"))
                continue
            values = [value]
        for v in values:
            if v not in task.labels:
                out.append(Problem(file, line, where, f"unknown label {v!r} (expected one of {', '.join(task.labels)})"))
        if task.multi_label and len(set(values)) != len(values):
            out.append(Problem(file, line, where, f"repeated label in {values!r}"))
    for extra in sorted(set(labels) - set(scheme.task_names)):
        out.append(Problem(file, line, f"{field}.{extra}", f"unknown task {extra!r} (scheme tasks: {', '.join(scheme.task_names)})"))
    return out


def _resolve(rec: Record, corpus: Corpus | None, file: str, line: int) -> Problem | None:
    if corpus is None:
        return Problem(file, line, "sha256", "standoff record but no corpus folder found "
                       "(pass --corpus DIR or set STANCELIB_CORPUS)")
    try:
        doc = corpus[rec.doc_id or ""]
    except CorpusError as e:
        return Problem(file, line, "doc_id", str(e))
    text = doc["text"]
    if rec.end is None or rec.start is None or rec.end > len(text):
        return Problem(file, line, "end", f"offset {rec.end} is past the end of document {rec.doc_id} ({len(text)} chars)")
    span = text[rec.start:rec.end]
    if text_hash(span) != rec.sha256:
        return Problem(file, line, "sha256", f"hash does not match text of {rec.doc_id}[{rec.start}:{rec.end}] "
                       f"(the corpus changed or the offsets are wrong): {span[:60]!r}")
    rec.text = span
    for key in ("outlet", "url", "date"):
        if getattr(rec, key) is None and doc.get(key) is not None:
            setattr(rec, key, doc[key])
    return None


def read_annotations(paths: str | Path | Iterable[str | Path], scheme: Scheme | str | Path | None = None, *,
                     corpus: Corpus | str | Path | None = None, resolve: bool = True,
                     ) -> tuple[list[Record], list[Problem]]:
    """Read and check annotation files; return the good records and every problem found.

    Standoff records are resolved against ``corpus`` (found automatically when
    omitted). Nothing is dropped silently: each record left out has a problem.
    """
    scheme = resolve_scheme(scheme)
    files = annotation_files(paths)
    problems: list[Problem] = []
    if not files:
        problems.append(Problem(str(paths), 0, "file", "no *.jsonl annotation files found"))
    if resolve and not isinstance(corpus, Corpus):
        try:
            corpus = find_corpus(corpus, near=files[0].parent if files else None)
        except CorpusError as e:
            problems.append(Problem(str(corpus), 0, "corpus", str(e)))
            corpus = None
    records: list[Record] = []
    seen: dict[str, str] = {}
    for path in files:
        for n, obj in iter_json_lines(path, problems):
            file = str(path)
            found = _schema_problems(obj, file, n)
            found += check_labels(obj.get("labels", {}), scheme, file, n)
            for k, ann in enumerate(obj.get("annotations") or []):
                if isinstance(ann, dict):
                    found += check_labels(ann.get("labels", {}), scheme, file, n, f"annotations[{k}].labels")
            if (why := _date_problem(obj.get("date"))) and not any(p.field == "date" for p in found):
                found.append(Problem(file, n, "date", why))
            if "text" in obj and isinstance(obj["text"], str) and not obj["text"].strip():
                if not any(p.field == "text" for p in found):
                    found.append(Problem(file, n, "text", "empty text"))
            s, e = obj.get("start"), obj.get("end")
            if isinstance(s, int) and isinstance(e, int):
                if e <= s:
                    found.append(Problem(file, n, "end", f"end ({e}) must be greater than start ({s})"))
                elif isinstance(obj.get("text"), str) and len(obj["text"]) != e - s:
                    found.append(Problem(file, n, "end", f"text has {len(obj['text'])} characters but end-start is {e - s}"))
            rid = obj.get("id")
            if isinstance(rid, str):
                if rid in seen:
                    found.append(Problem(file, n, "id", f"duplicate id {rid!r} (first seen at {seen[rid]})"))
                else:
                    seen[rid] = f"{file}:{n}"
            if found:
                problems.extend(found)
                continue
            rec = Record.from_dict(obj)
            if rec.standoff and resolve:
                if (p := _resolve(rec, corpus, file, n)) is not None:
                    problems.append(p)
                    continue
            records.append(rec)
    return records, problems


def load_annotations(paths: str | Path | Iterable[str | Path], scheme: Scheme | str | Path | None = None, *,
                     corpus: Corpus | str | Path | None = None) -> list[Record]:
    """Read annotation files; raise :class:`AnnotationError` naming every problem if any."""
    records, problems = read_annotations(paths, scheme, corpus=corpus)
    if problems:
        raise AnnotationError(problems)
    return records


def write_annotations(records: Iterable[Record], path: str | Path, *, standoff: bool | None = None) -> int:
    """Write records as JSON lines atomically (a crash never leaves half a file); return the count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    n = 0
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec.to_dict(standoff=standoff), ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def label_counts(records: Iterable[Record], scheme: Scheme) -> dict[str, Counter]:
    """Per task, how many records carry each label (including zero counts)."""
    counts = {t.name: Counter({l: 0 for l in t.labels}) for t in scheme}
    for r in records:
        for t in scheme:
            v = r.labels.get(t.name)
            for lab in (v if isinstance(v, list) else [v]):
                if lab is not None:
                    counts[t.name][lab] += 1
    return counts


__all__ = ["Problem", "AnnotationError", "read_annotations", "load_annotations", "write_annotations",
           "annotation_files", "check_labels", "label_counts", "ORIGINS"]
