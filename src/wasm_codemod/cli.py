"""Command-line interface: parse flags, call the session/bulk runner, render. No logic of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .bulk import bulk_exit_code, crate_progress, progress, read_repo_list, run_bulk
from .plan import PlanError, load_registry, resolve_target
from .report import to_text
from .runner import RunOptions, plan_run
from .session import Exit, RepoOutcome, SessionOptions, run_repo

EXIT_HELP = ("Exit codes: 0 success; 1 changes pending (--check); 2 usage error; "
             "3 refused input, nothing written; 4 verify failed; 5 partial failure (bulk); 6 internal error.")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help=f"Upgrade Rust projects built on wasmtime and wit-bindgen to newer releases. {EXIT_HELP}")


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


def _step_options(items: list[str] | None, bindgen_anyhow: bool) -> dict[str, object]:
    opts: dict[str, object] = {}
    for it in items or ():
        key, sep, val = it.partition("=")
        if not sep:
            raise PlanError(f"--step-option {it!r}: expected KEY=VALUE")
        opts[key.strip()] = {"true": True, "false": False}.get(val.strip().lower(), val.strip())
    if bindgen_anyhow:
        opts["bindgen_anyhow"] = True
    return opts


@app.command(help=f"Rewrite source, Cargo.toml and WIT files under PATH(s) up to --to / --guest-to. {EXIT_HELP}")
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
    fmt: Annotated[str, typer.Option("--format", help="text | json | jsonl")] = "text",
    only: Annotated[list[str] | None, typer.Option("--only", help="run only this step (repeatable)")] = None,
    skip: Annotated[list[str] | None, typer.Option("--skip", help="skip this step (repeatable)")] = None,
    allow_dirty: Annotated[bool, typer.Option("--allow-dirty", help="write even if git has local changes")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="also write the JSON report here")] = None,
    diff_file: Annotated[Path | None, typer.Option("--diff-file", help="write the dry-run diff here")] = None,
    todo_comments: Annotated[bool, typer.Option("--todo-comments",
                                                help="insert `// TODO(wasm-codemod): ...` at follow-up sites")]
    = False,
    verify: Annotated[bool, typer.Option("--verify", help="run `cargo check` in each changed crate")] = False,
    rollback_on_fail: Annotated[bool, typer.Option("--rollback-on-fail",
                                                   help="with --verify: restore every file when the check fails")]
    = False,
    repos_from: Annotated[Path | None, typer.Option("--repos-from", help="file with one repository path per line")]
    = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="repositories processed in parallel")] = 1,
    git_branch: Annotated[str | None, typer.Option("--git-branch", help="create this branch before writing")]
    = None,
    git_commit: Annotated[bool, typer.Option("--git-commit", help="commit the changes (message lists steps)")]
    = False,
    step_option: Annotated[list[str] | None, typer.Option("--step-option", help="KEY=VALUE for steps")] = None,
    bindgen_anyhow: Annotated[bool, typer.Option("--bindgen-anyhow",
                                                 help="at 42: add `anyhow: true` to bindgen! instead of rewriting")]
    = False,
) -> None:
    if fmt not in ("text", "json", "jsonl"):
        _err(f"--format {fmt!r}: expected text, json or jsonl")
        raise typer.Exit(Exit.USAGE)
    if dry_run and check:
        _err("--dry-run and --check are exclusive")
        raise typer.Exit(Exit.USAGE)
    roots = list(paths or [])
    if repos_from is not None:
        if not repos_from.is_file():
            _err(f"--repos-from {repos_from}: no such file")
            raise typer.Exit(Exit.USAGE)
        roots += read_repo_list(repos_from)
    roots = roots or [Path(".")]
    missing = [r for r in roots if not r.exists()]
    bulk = len(roots) > 1 or repos_from is not None
    if missing and not bulk:
        _err(f"{missing[0]}: no such file or directory")
        raise typer.Exit(Exit.USAGE)
    try:
        run = RunOptions(targets=_targets(to, guest_to), from_override=_froms(from_, guest_from),
                         only=frozenset(only or ()), skip=frozenset(skip or ()),
                         step_options=_step_options(step_option, bindgen_anyhow))
        for sid in run.only | run.skip:
            load_registry().step(sid)
    except PlanError as exc:
        _err(str(exc))
        raise typer.Exit(Exit.USAGE) from exc
    mode = "dry-run" if dry_run else "check" if check else "write"
    opts = SessionOptions(run, mode, allow_dirty, verify, rollback_on_fail, todo_comments, git_branch, git_commit)
    if not bulk:
        prog, on_crate = crate_progress()
        try:
            out = run_repo(roots[0], opts, on_crate=on_crate)
        finally:
            if prog is not None:
                prog.stop()
        _emit_single(out, fmt, mode, diff_file, report)
        raise typer.Exit(out.exit_code)
    prog, on_done = progress(len(roots))
    if prog is not None:
        prog.start()
    try:
        outcomes = [RepoOutcome(str(r), "failed", Exit.USAGE, [f"{r}: no such file or directory"]) if not r.exists()
                    else None for r in roots]
        todo = [r for r, o in zip(roots, outcomes, strict=True) if o is None]
        done = iter(run_bulk(todo, opts, max(1, jobs), on_done))
        outcomes = [o if o is not None else next(done) for o in outcomes]
    finally:
        if prog is not None:
            prog.stop()
    _emit_bulk(outcomes, fmt, mode, diff_file, report)
    raise typer.Exit(bulk_exit_code(outcomes, check))


def _emit_single(out: RepoOutcome, fmt: str, mode: str, diff_file: Path | None, report: Path | None) -> None:
    doc = out.report or {}
    if report:
        report.write_text(json.dumps(doc, indent=2) + "\n", "utf-8")
    for m in out.messages:
        _err(m)
    text = to_text(out.result, mode) if out.result is not None else ""
    if out.verify:
        text += _verify_text(out.verify)
    if mode == "dry-run":
        if diff_file:
            diff_file.write_bytes(out.diff)
        elif fmt == "text":
            _write_diff(out.diff)
            sys.stderr.write(text)
            return
    if fmt == "json":
        doc = dict(doc, status=out.status, verify=out.verify)
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(json.dumps(dict(out.summary(), report=doc)) + "\n")
    else:
        sys.stdout.write(text)


def _write_diff(diff: bytes) -> None:
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.syntax import Syntax

        Console().print(Syntax(diff.decode("utf-8", "replace"), "diff", theme="ansi_dark"))
        return
    sys.stdout.buffer.write(diff)
    sys.stdout.flush()


def _verify_text(verify: list[dict[str, Any]]) -> str:
    lines = []
    for v in verify:
        lines.append(f"verify {v['crate']}: {'ok' if v['ok'] else 'FAILED'}")
        for e in v["errors"]:
            lines.append(f"  {e['file']}:{e['line']}: {e['message']}  [{', '.join(e['steps']) or 'not from a step'}]")
    return "\n".join(lines) + "\n"


def _emit_bulk(outcomes: list[RepoOutcome], fmt: str, mode: str, diff_file: Path | None,
               report: Path | None) -> None:
    docs = [dict(o.summary(), report=o.report) for o in outcomes]
    if report:
        report.write_text(json.dumps({"schema_version": 1, "repos": docs}, indent=2) + "\n", "utf-8")
    if mode == "dry-run":
        diff = b"".join(o.diff for o in outcomes)
        if diff_file:
            diff_file.write_bytes(diff)
        elif fmt == "text":
            _write_diff(diff)
    if fmt == "jsonl":
        for d in docs:
            sys.stdout.write(json.dumps(d) + "\n")
        return
    if fmt == "json":
        sys.stdout.write(json.dumps({"schema_version": 1, "repos": docs}, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"wasm-codemod: {len(outcomes)} repositories")
    for col in ("repo", "status", "files", "follow-ups", "plan", "note"):
        table.add_column(col)
    for o, d in zip(outcomes, docs, strict=True):
        plan = "; ".join(f"{p['family']} {p['from']}->{p['to']}" for p in d["plans"])
        table.add_row(o.repo, o.status, str(d["files_changed"]), str(d["follow_ups"]), plan,
                      (o.messages[0] if o.messages else "")[:80])
    Console(file=sys.stderr if mode == "dry-run" and fmt == "text" else sys.stdout, width=160).print(table)


@app.command("plan", help="Show detected versions and the steps an upgrade would run.")
def plan_cmd(
    paths: Annotated[list[Path] | None, typer.Argument()] = None,
    to: Annotated[str, typer.Option("--to")] = "latest",
    from_: Annotated[str | None, typer.Option("--from")] = None,
    guest_to: Annotated[str, typer.Option("--guest-to")] = "latest",
    guest_from: Annotated[str | None, typer.Option("--guest-from")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
) -> None:
    from .report import to_json

    try:
        opts = RunOptions(targets=_targets(to, guest_to), from_override=_froms(from_, guest_from))
        result = plan_run(paths or [Path(".")], opts)
    except PlanError as exc:
        _err(str(exc))
        raise typer.Exit(Exit.USAGE) from exc
    _newer_release_notices()
    if fmt == "json":
        d = to_json(result, "plan")
        sys.stdout.write(json.dumps({"schema_version": d["schema_version"], "crates": d["crates"]}, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    for c in result.crates:
        for p in c.plans:
            det = c.detected[p.family]
            t = Table(title=f"{c.crate.name} ({result.rel(c.crate.dir) or '.'}): {p.family} {p.current} -> "
                            f"{p.target} [{det.source}]")
            for col in ("to", "step", "safety", "summary"):
                t.add_column(col)
            for s in p.steps:
                t.add_row(s.to_version, s.id, s.safety.value, s.summary)
            Console(width=160).print(t)


@app.command("list", help="List every step with its version, safety level and summary.")
def list_cmd(fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text") -> None:
    reg = load_registry()
    _newer_release_notices()
    if fmt == "json":
        rows = [{"id": s.id, "family": s.family, "from": s.from_version, "to": s.to_version,
                 "safety": s.safety.value, "title": s.title, "summary": s.summary, "upstream": s.upstream}
                for s in reg.steps]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title="wasm-codemod steps")
    for col in ("family", "from", "to", "step", "safety", "summary"):
        t.add_column(col, overflow="fold")
    for s in reg.steps:
        t.add_row(s.family, s.from_version, s.to_version, s.id, s.safety.value, s.summary)
    Console(width=200).print(t)


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


def _newer_release_notices() -> None:
    from .apidiff.newest import notices

    for n in notices(load_registry().families.values()):
        _err(n)


@app.command("api-diff", help="Breaking changes of CRATE between two releases (lines such as 49 / 0.45, or exact "
             "versions), from rustdoc JSON built with cargo (network; minutes per version, cached), with the "
             "ledger's decision for each. For maintainers of the step catalogue.")
def api_diff_cmd(
    crate: Annotated[str, typer.Argument(help="e.g. wasmtime, wasmtime-wasi, wit-bindgen")],
    old: Annotated[str, typer.Argument(help="old line or version")],
    new: Annotated[str, typer.Argument(help="new line or version")],
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
    features: Annotated[list[str] | None, typer.Option(
        "--features", help="a Cargo feature on top of the defaults (repeatable; default: the ledger's set)")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="cargo jobs")] = 2,
) -> None:
    from .apidiff.api import ApiDiffError, api_diff, to_json_text, to_text
    from .apidiff.build import BuildError

    if fmt not in ("text", "json"):
        _err(f"--format {fmt!r}: expected text or json")
        raise typer.Exit(Exit.USAGE)
    try:
        res = api_diff(crate, old, new, features=tuple(features) if features else None, jobs=jobs,
                       log=lambda m: sys.stderr.write(m + "\n"))
    except ApiDiffError as exc:
        _err(str(exc))
        raise typer.Exit(Exit.USAGE) from exc
    except BuildError as exc:
        _err(str(exc))
        raise typer.Exit(Exit.INTERNAL) from exc
    sys.stdout.write(to_json_text(res) if fmt == "json" else to_text(res))


def main() -> None:
    app()
