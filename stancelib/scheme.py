"""Label schemes as data: tasks, each multi- or single-label, with labels and descriptions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

MULTI_LABEL = "multi_label"
SINGLE_LABEL = "single_label"


class SchemeError(ValueError):
    """A scheme file is malformed."""


@dataclass(frozen=True)
class Task:
    """One classification task of a scheme."""

    name: str
    kind: str  # MULTI_LABEL or SINGLE_LABEL
    labels: tuple[str, ...]
    descriptions: dict[str, str] = field(default_factory=dict)
    description: str = ""

    @property
    def multi_label(self) -> bool:
        return self.kind == MULTI_LABEL

    def index(self, label: str) -> int:
        return self.labels.index(label)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "description": self.description,
                "labels": [{"name": l, "description": self.descriptions.get(l, "")} for l in self.labels]}


@dataclass(frozen=True)
class Scheme:
    """A named set of tasks. ``Scheme.default()`` is the Seoul–Beijing scheme of LABELS.md."""

    name: str
    tasks: tuple[Task, ...]
    version: str = "1"

    def __post_init__(self) -> None:
        names = [t.name for t in self.tasks]
        if not names:
            raise SchemeError(f"scheme {self.name!r} declares no tasks")
        if len(set(names)) != len(names):
            raise SchemeError(f"scheme {self.name!r} repeats a task name: {names}")

    def __getitem__(self, name: str) -> Task:
        for t in self.tasks:
            if t.name == name:
                return t
        raise KeyError(f"scheme {self.name!r} has no task {name!r} (tasks: {', '.join(self.task_names)})")

    def __iter__(self):
        return iter(self.tasks)

    @property
    def task_names(self) -> list[str]:
        return [t.name for t in self.tasks]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "tasks": [t.to_dict() for t in self.tasks]}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "<scheme>") -> "Scheme":
        if not isinstance(data, dict) or not isinstance(data.get("tasks"), list):
            raise SchemeError(f"{source}: a scheme is an object with a 'tasks' list")
        tasks = []
        for i, t in enumerate(data["tasks"]):
            where = f"{source}: tasks[{i}]"
            if not isinstance(t, dict) or not isinstance(t.get("name"), str) or not t["name"]:
                raise SchemeError(f"{where}: each task needs a non-empty 'name'")
            kind = t.get("kind")
            if kind not in (MULTI_LABEL, SINGLE_LABEL):
                raise SchemeError(f"{where}.kind: expected 'multi_label' or 'single_label', got {kind!r}")
            raw = t.get("labels")
            if not isinstance(raw, list) or not raw:
                raise SchemeError(f"{where}.labels: expected a non-empty list")
            labels, desc = [], {}
            for j, lab in enumerate(raw):
                if isinstance(lab, str):
                    labels.append(lab)
                elif isinstance(lab, dict) and isinstance(lab.get("name"), str):
                    labels.append(lab["name"])
                    if lab.get("description"):
                        desc[lab["name"]] = str(lab["description"])
                else:
                    raise SchemeError(f"{where}.labels[{j}]: expected a label name or {{'name': ...}}")
            if len(set(labels)) != len(labels):
                raise SchemeError(f"{where}.labels: repeated label names")
            if kind == SINGLE_LABEL and len(labels) < 2:
                raise SchemeError(f"{where}.labels: a single_label task needs at least two labels")
            tasks.append(Task(t["name"], kind, tuple(labels), desc, str(t.get("description", ""))))
        return cls(str(data.get("name", "custom")), tuple(tasks), str(data.get("version", "1")))

    @classmethod
    def load(cls, path: str | Path) -> "Scheme":
        """Read a scheme from a JSON file."""
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SchemeError(f"{p}: scheme file not found") from None
        except json.JSONDecodeError as e:
            raise SchemeError(f"{p}:{e.lineno}: not valid JSON ({e.msg})") from None
        return cls.from_dict(data, source=str(p))

    @classmethod
    def default(cls) -> "Scheme":
        text = resources.files("stancelib.data").joinpath("default_scheme.json").read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text), source="stancelib/data/default_scheme.json")


def resolve_scheme(scheme: "Scheme | str | Path | dict | None") -> Scheme:
    """Accept a Scheme, a path to a scheme file, a dict, or None (the default scheme)."""
    if scheme is None:
        return Scheme.default()
    if isinstance(scheme, Scheme):
        return scheme
    if isinstance(scheme, dict):
        return Scheme.from_dict(scheme)
    return Scheme.load(scheme)


