"""Render a run: unified diff (git-apply compatible), text summary, JSON document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import __version__, linediff
from .runner import RunResult, display_path

JSON_SCHEMA_VERSION = 2  # 2: `skipped` crates, `internal_errors` / `skipped` totals


def unified_diff(result: RunResult, base: Path | None = None) -> bytes:
    """One diff for all changed files, paths relative to ``base`` (default: the run's base)."""
    out: list[bytes] = []
    for ch in result.changes:
        rel = display_path(ch.path, base) if base is not None else result.rel(ch.path)
        body = linediff.unified(ch.old, ch.new, f"a/{rel}", f"b/{rel}")
        if body:
            out.append(f"diff --git a/{rel} b/{rel}\n".encode())
            out.append(body)
    return b"".join(out)


def _planned(result: RunResult) -> list[tuple[str, Any, Any]]:
    """(name, directory, outcome) of every Rust crate and Python project of the run."""
    return [(c.crate.name, c.crate.dir, c) for c in result.crates] + [(p.name, p.dir, p) for p in result.projects]


def to_json(result: RunResult, mode: str, hunks: bool = True) -> dict[str, Any]:
    """The report document; ``hunks=False`` leaves each change's line ranges out (they cost a diff
    per file, and only JSON output and --report print them)."""
    crates = []
    for name, cdir, c in _planned(result):
        crates.append({
            "name": name,
            "path": result.rel(cdir) or ".",
            **({"ecosystem": "python"} if any(c is p for p in result.projects) else {}),
            "detected": [
                {"family": d.family, "line": d.line, "exact": d.exact, "source": d.source,
                 "requirement": d.requirement} for d in c.detected.values()
            ],
            "plans": [
                {"family": p.family, "from": p.current, "to": p.target, "steps": [s.id for s in p.steps]}
                for p in c.plans
            ],
        })
    changes = []
    for ch in result.changes:
        item: dict[str, Any] = {"file": result.rel(ch.path), "kind": ch.kind, "steps": ch.steps}
        if hunks:
            item["hunks"] = _hunks(ch.old, ch.new)
        changes.append(item)
    follow = [
        {"file": f.file, "line": f.line, "step": f.step, "severity": f.severity, "message": f.message,
         "link": f.link, **({"paths": list(f.paths)} if f.paths else {})}
        for f in sorted(result.follow_ups, key=lambda f: (f.file, f.line, f.step))
    ]
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "tool": {"name": "wasm-codemod", "version": __version__},
        "mode": mode,
        "crates": crates,
        "changes": changes,
        "follow_ups": follow,
        "errors": result.errors,
        "skipped": [{"manifest": k.manifest, "crate": k.crate, "family": k.family, "reason": k.reason,
                     "next_step": k.next_step} for k in result.skipped],
        "totals": {
            "crates": len(result.crates) + len(result.projects),
            "files_changed": len(result.changes),
            "follow_ups": len(result.follow_ups),
            "errors": len(result.errors),
            "skipped": len(result.skipped),
            "internal_errors": len(result.internal_errors),
            "files_parsed": sum(c.files_parsed for _, _, c in _planned(result)),
            "files_seen": result.discovery.files_seen,
        },
    }


def error_doc(mode: str, errors: list[str]) -> dict[str, Any]:
    """A report for a run that stopped before it had anything to report (usage error, refusal
    before planning, internal error): same shape, empty lists, the errors named."""
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "tool": {"name": "wasm-codemod", "version": __version__},
        "mode": mode if mode in ("write", "dry-run", "check", "plan") else "write",
        "crates": [],
        "changes": [],
        "follow_ups": [],
        "errors": list(errors),
        "skipped": [],
        "totals": {"crates": 0, "files_changed": 0, "follow_ups": 0, "errors": len(errors), "skipped": 0,
                   "internal_errors": 0, "files_parsed": 0, "files_seen": 0},
    }


def _hunks(old: bytes, new: bytes) -> list[dict[str, int]]:
    ops = linediff.changed(linediff.opcodes(linediff.split_lines(old), linediff.split_lines(new)))
    return [{"old_start": i1 + 1, "old_end": i2, "new_start": j1 + 1, "new_end": j2} for _t, i1, i2, j1, j2 in ops]


def to_text(result: RunResult, mode: str, written: bool | None = None) -> str:
    """The summary. ``written`` says whether the files were replaced (default: write mode without
    errors); a refused run lists what *would* change and says nothing was written."""
    if written is None:
        written = mode == "write" and not result.errors
    lines: list[str] = []
    for name, _, c in _planned(result):
        if not c.detected:
            continue
        for p in c.plans:
            det = c.detected[p.family]
            src = f"{det.source}{' ' + det.exact if det.exact else ''}"
            if p.is_noop:
                lines.append(f"{name}: {p.family} {p.current} (from {src}) is already at or past {p.target}")
            else:
                lines.append(f"{name}: {p.family} {p.current} -> {p.target} (from {src}); "
                             f"steps: {', '.join(s.id for s in p.steps) or 'manifest only'}")
    if result.changes:
        if written:
            lines.append(f"{len(result.changes)} file(s) changed:")
        elif mode == "write":
            lines.append(f"{len(result.changes)} file(s) would change, but nothing was written:")
        else:
            lines.append(f"{len(result.changes)} file(s) would change:")
        for ch in result.changes:
            lines.append(f"  {result.rel(ch.path)}  [{', '.join(ch.steps)}]")
    else:
        lines.append("no changes")
    if result.follow_ups:
        lines.append(f"{len(result.follow_ups)} follow-up(s) need a person:")
        by_step: dict[str, list] = {}
        for f in result.follow_ups:
            by_step.setdefault(f.step, []).append(f)
        for step, items in sorted(by_step.items()):
            lines.append(f"  {step}:")
            for f in sorted(items, key=lambda f: (f.file, f.line)):
                lines.append(f"    {f.file}:{f.line}: [{f.severity}] {f.message}")
    if result.skipped:
        lines.append(f"{len(result.skipped)} crate(s) skipped (the rest of the tree was handled):")
        for k in result.skipped:
            lines.append(f"  {k.text()}")
    for e in result.errors:
        lines.append(f"error: {e}")
    return "\n".join(lines) + "\n"
