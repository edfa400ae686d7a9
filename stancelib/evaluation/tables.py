"""Readable tables of evaluation reports."""

from __future__ import annotations

from typing import Any, Sequence


def report_table(report: dict[str, Any]) -> str:
    """Per task: macro-F1 with its 95% interval, then each label's P/R/F1/support; confusion matrices."""
    lines = [f"backend {report.get('backend')}: {report['n']} sentences from {report['documents']} documents"
             + (f", {report['folds']} folds grouped by {report['grouped_by']}" if "folds" in report else "")]
    for name, m in report["tasks"].items():
        ci = m.get("macro_f1_ci95")
        extra = f"accuracy {m['accuracy']:.3f}" if "accuracy" in m else f"micro-F1 {m['micro_f1']:.3f}"
        lines.append(f"\n{name}: macro-F1 {m['macro_f1']:.3f}"
                     + (f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "") + f", {extra}")
        lines.append(f"  {'label':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")
        for lab, v in m["labels"].items():
            lines.append(f"  {lab:<14}{v['precision']:>10.3f}{v['recall']:>10.3f}{v['f1']:>10.3f}{v['support']:>10d}")
        if "confusion" in m:
            labs = m["confusion"]["labels"]
            w = max(6, *(len(l) for l in labs)) + 1
            lines.append("  confusion (rows: true, columns: predicted)")
            lines.append("  " + " " * w + "".join(f"{l[:w - 1]:>{w}}" for l in labs))
            for lab, row in zip(labs, m["confusion"]["rows_true_cols_pred"]):
                lines.append("  " + f"{lab:<{w}}" + "".join(f"{c:>{w}d}" for c in row))
    return "\n".join(lines)


def compare_table(reports: Sequence[dict[str, Any]]) -> str:
    """One row per backend: macro-F1 [95% CI] per task, time and memory."""
    tasks = list(reports[0]["tasks"])
    head = f"{'backend':<14}" + "".join(f"{t:>24}" for t in tasks) + f"{'seconds':>10}{'peak MB':>10}"
    rows = [head]
    for r in reports:
        cells = ""
        for t in tasks:
            m = r["tasks"][t]
            ci = m.get("macro_f1_ci95") or [float("nan")] * 2
            cells += f"{m['macro_f1']:>8.3f} [{ci[0]:.3f},{ci[1]:.3f}]"
        rows.append(f"{r['backend']:<14}{cells}{r.get('seconds', float('nan')):>10}{r.get('python_peak_mb', ''):>10}")
    return "\n".join(rows)
