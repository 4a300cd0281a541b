"""Command-line interface: parse flags, call the runner, render. No logic of its own."""

from __future__ import annotations

import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from .plan import PlanError, load_registry, resolve_target
from .report import to_json, to_text, unified_diff
from .runner import RefusedError, RunOptions, dirty_roots, plan_run, write_all


class Exit(IntEnum):
    """Stable exit codes (documented in docs/cli.md)."""

    OK = 0
    CHANGES_PENDING = 1  # --check found work to do
    USAGE = 2  # bad flags or unknown version/step
    REFUSED = 3  # bad input or dirty tree: nothing was written
    VERIFY_FAILED = 4
    PARTIAL = 5  # bulk: some repositories failed


EXIT_HELP = ("Exit codes: 0 success; 1 changes pending (--check); 2 usage error; "
             "3 refused input, nothing written; 4 verify failed; 5 partial failure (bulk).")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help=f"Upgrade Rust projects built on wasmtime to a newer release. {EXIT_HELP}")


def _err(msg: str) -> None:
    sys.stderr.write(f"wasm-codemod: {msg}\n")


def _targets(to: str, guest_to: str = "latest") -> dict[str, str]:
    reg = load_registry()
    return {"wasmtime": resolve_target(reg.families["wasmtime"], to),
            "wit-bindgen": resolve_target(reg.families["wit-bindgen"], guest_to)}


def _froms(from_: str | None, guest_from: str | None) -> dict[str, str]:
    out = {}
    if from_:
        out["wasmtime"] = from_
    if guest_from:
        out["wit-bindgen"] = guest_from
    return out


@app.command(help=f"Rewrite source and manifests under PATH(s) up to --to. {EXIT_HELP}")
def upgrade(
    paths: Annotated[list[Path] | None, typer.Argument(help="crate or repository roots (default: .)")] = None,
    to: Annotated[str, typer.Option("--to", help="target wasmtime line, e.g. 36, or 'latest'")] = "latest",
    from_: Annotated[str | None, typer.Option("--from", help="override the detected wasmtime line")] = None,
    guest_to: Annotated[str, typer.Option("--guest-to", help="target wit-bindgen line, e.g. 0.45, or 'latest'")]
    = "latest",
    guest_from: Annotated[str | None, typer.Option("--guest-from", help="override the detected wit-bindgen line")]
    = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="print a unified diff; write nothing")] = False,
    check: Annotated[bool, typer.Option("--check", help="write nothing; exit 1 if changes are pending")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
    only: Annotated[list[str] | None, typer.Option("--only", help="run only this step (repeatable)")] = None,
    skip: Annotated[list[str] | None, typer.Option("--skip", help="skip this step (repeatable)")] = None,
    allow_dirty: Annotated[bool, typer.Option("--allow-dirty", help="write even if git has local changes")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="also write the JSON report here")] = None,
    diff_file: Annotated[Path | None, typer.Option("--diff-file", help="write the dry-run diff here")] = None,
) -> None:
    if fmt not in ("text", "json"):
        _err(f"--format {fmt!r}: expected text or json")
        raise typer.Exit(Exit.USAGE)
    roots = paths or [Path(".")]
    for r in roots:
        if not r.exists():
            _err(f"{r}: no such file or directory")
            raise typer.Exit(Exit.USAGE)
    try:
        opts = RunOptions(targets=_targets(to, guest_to), from_override=_froms(from_, guest_from),
                          only=frozenset(only or ()), skip=frozenset(skip or ()))
        result = plan_run(roots, opts)
    except PlanError as exc:
        _err(str(exc))
        raise typer.Exit(Exit.USAGE) from exc
    mode = "dry-run" if dry_run else "check" if check else "write"
    doc = to_json(result, mode)
    if report:
        report.write_text(json.dumps(doc, indent=2) + "\n", "utf-8")
    if result.errors:
        for e in result.errors:
            _err(e)
        if mode == "write":
            _err("refusing to write anything until the errors above are fixed")
        _emit(result, doc, fmt, mode, dry_run, diff_file)
        raise typer.Exit(Exit.REFUSED)
    if mode == "write" and result.changes and not allow_dirty:
        dirty = dirty_roots(roots)
        if dirty:
            _err(f"git tree has uncommitted changes: {', '.join(dirty)}; commit or stash them, or pass "
                 f"--allow-dirty. Nothing was written.")
            raise typer.Exit(Exit.REFUSED)
    if mode == "write" and result.changes:
        try:
            write_all(result.changes)
        except (RefusedError, OSError) as exc:
            _err(f"{exc}; nothing was written")
            raise typer.Exit(Exit.REFUSED) from exc
    _emit(result, doc, fmt, mode, dry_run, diff_file)
    if check and result.changes:
        raise typer.Exit(Exit.CHANGES_PENDING)


def _emit(result, doc, fmt: str, mode: str, dry_run: bool, diff_file: Path | None) -> None:
    if dry_run:
        diff = unified_diff(result)
        if diff_file:
            diff_file.write_bytes(diff)
        elif fmt == "text":
            sys.stdout.buffer.write(diff)
            sys.stdout.flush()
            sys.stderr.write(to_text(result, mode))
            return
    if fmt == "json":
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    else:
        sys.stdout.write(to_text(result, mode))


@app.command("plan", help="Show detected versions and the steps an upgrade would run.")
def plan_cmd(
    paths: Annotated[list[Path] | None, typer.Argument()] = None,
    to: Annotated[str, typer.Option("--to")] = "latest",
    from_: Annotated[str | None, typer.Option("--from")] = None,
    guest_to: Annotated[str, typer.Option("--guest-to")] = "latest",
    guest_from: Annotated[str | None, typer.Option("--guest-from")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
) -> None:
    try:
        opts = RunOptions(targets=_targets(to, guest_to), from_override=_froms(from_, guest_from))
        result = plan_run(paths or [Path(".")], opts)
    except PlanError as exc:
        _err(str(exc))
        raise typer.Exit(Exit.USAGE) from exc
    if fmt == "json":
        d = to_json(result, "plan")
        sys.stdout.write(json.dumps({"schema_version": d["schema_version"], "crates": d["crates"]}, indent=2) + "\n")
        return
    for c in result.crates:
        for p in c.plans:
            det = c.detected[p.family]
            sys.stdout.write(f"{c.crate.name} ({result.rel(c.crate.dir) or '.'}): {p.family} {p.current} -> "
                             f"{p.target} [{det.source}]\n")
            for s in p.steps:
                sys.stdout.write(f"  {s.to_version:>6}  {s.id:<34} {s.safety.value:<7} {s.summary}\n")


@app.command("list", help="List every step with its version, safety level and summary.")
def list_cmd(fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text") -> None:
    reg = load_registry()
    if fmt == "json":
        rows = [{"id": s.id, "family": s.family, "from": s.from_version, "to": s.to_version,
                 "safety": s.safety.value, "title": s.title, "summary": s.summary, "upstream": s.upstream}
                for s in reg.steps]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    for s in reg.steps:
        sys.stdout.write(f"{s.family:<10} {s.from_version:>5} -> {s.to_version:<5} {s.id:<34} {s.safety.value:<7} "
                         f"{s.summary}\n")


@app.command(help="Explain one step: what it does, why, its safety level and an example.")
def explain(step: str) -> None:
    from .docs import step_example

    reg = load_registry()
    try:
        s = reg.step(step)
    except PlanError as exc:
        _err(str(exc))
        raise typer.Exit(Exit.USAGE) from exc
    sys.stdout.write(f"{s.id}: {s.title}\n{s.family} {s.from_version} -> {s.to_version}, safety: {s.safety.value}\n")
    sys.stdout.write(f"\n{s.summary}\nUpstream: {s.upstream}\n")
    ex = step_example(s.id)
    if ex:
        sys.stdout.write(f"\nExample ({ex[0]}):\n{ex[1]}")


def main() -> None:
    app()
