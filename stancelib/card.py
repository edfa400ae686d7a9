"""The model card README.md written beside every saved model."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stancelib.model import Model


def model_card(model: "Model") -> str:
    m = model.meta
    lines = [f"# stancelib model: `{model.backend.name}` on scheme `{model.scheme.name}`", "",
             "Load with `stancelib.load(PATH)`; predict with `model.predict([...])`.", "",
             "## Tasks", ""]
    for t in model.scheme:
        lines.append(f"- **{t.name}** ({t.kind}): {', '.join(f'`{l}`' for l in t.labels)}")
    data = m.get("training_data", {})
    lines += ["", "## Training data", "",
              f"{data.get('records')} sentences from {data.get('documents')} documents; "
              f"fingerprint `{data.get('sha256', '')[:16]}`.", "",
              "## Backend", "", f"`{model.backend.name}` with options `{model.backend.get_params()}`."]
    enc = (m.get("backend_info") or {}).get("encoder")
    if enc:
        lines.append(f"Encoder `{enc.get('name')}` (sha256 `{str(enc.get('sha256'))[:16]}…`), not stored here.")
    cv = m.get("cross_validation") or {}
    if cv:
        lines += ["", f"## Cross-validation ({cv.get('folds')} document-grouped folds, {cv.get('n')} sentences)", "",
                  "| task | macro-F1 | accuracy / micro-F1 |", "|---|---|---|"]
        for name, v in cv.get("tasks", {}).items():
            other = v.get("accuracy", v.get("micro_f1"))
            lines.append(f"| {name} | {v['macro_f1']:.3f} | {other:.3f} |")
        lines += ["", f"_{cv.get('note', '')}_"]
    lines += ["", "## Decision rules", "",
              "Multi-label tasks: Platt-calibrated scores with per-label thresholds chosen by cross-validation. "
              "Single-label tasks: temperature-scaled probabilities, highest wins.", "",
              f"Versions: `{m.get('versions')}`; created {m.get('created')}.", ""]
    return "\n".join(lines)
