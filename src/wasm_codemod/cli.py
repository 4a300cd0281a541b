"""Command-line interface: parse flags, call the session/bulk runner, render. No logic of its own."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from .bulk import bulk_exit_code, crate_progress, progress, read_repo_list, run_bulk
from .discover import PathArgError, root_for_argument
from .plan import PlanError, load_registry, resolve_target
from .report import JSON_SCHEMA_VERSION, error_doc, to_text
from .runner import RunOptions, default_jobs, plan_run
from .session import Exit, RepoOutcome, SessionOptions, run_repo
from .transform import line_key
from .verify import CheckSettings
from .writer import Interrupted, check_output, write_output

EXIT_HELP = ("Exit codes: 0 success; 1 changes pending (--check); 2 usage error; "
             "3 refused input, nothing written; 4 verify failed; 5 partial failure (bulk); 6 internal error "
             "(the files it hit were left as they were, the rest was handled); 7 done, but some crates were "
             "skipped (each listed with its reason); 8 no crate in or above the path; 9 --report/--diff-file "
             "could not be written at the end; 130/143 stopped by SIGINT/SIGTERM (the write in progress was "
             "rolled back).")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Upgrade Rust projects built on wasmtime and wit-bindgen, and Python projects on wasmtime-py "
                       f"and componentize-py, to newer releases. {EXIT_HELP}")


def _err(msg: str) -> None:
    sys.stderr.write(f"wasm-codemod: {msg}\n")


class _Usage(Exception):
    """A usage error of `upgrade`: exit 2, and a JSON document when JSON was asked for."""


def _usage_exit(msg: str, fmt: str, mode: str) -> typer.Exit:
    _err(msg)
    _json_error(fmt, mode, msg, Exit.USAGE)
    return typer.Exit(Exit.USAGE)


def _json_error(fmt: str, mode: str, msg: str, code: int) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(dict(error_doc(mode, [msg]), status="usage-error", exit_code=code), indent=2)
                         + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(json.dumps({"schema_version": JSON_SCHEMA_VERSION, "status": "usage-error", "exit_code": code,
                                     "messages": [msg]}) + "\n")


def _targets(to: str | None, guest_to: str | None, from_: str | None = None, guest_from: str | None = None,
             py_guest_to: str | None = None, py_guest_from: str | None = None) -> dict[str, str]:
    """Only the families the user named are planned: `--to`/`--from` name the host families (wasmtime
    and wasmtime-py, which shares wasmtime's line numbers), `--guest-to`/`--guest-from` wit-bindgen,
    `--py-guest-to`/`--py-guest-from` componentize-py; naming none means every family, to latest."""
    reg = load_registry()
    hosts = to is not None or from_ is not None
    guests = guest_to is not None or guest_from is not None
    py_guests = py_guest_to is not None or py_guest_from is not None
    if not hosts and not guests and not py_guests:
        hosts = guests = py_guests = True
    out = {}
    if hosts:
        out["wasmtime"] = resolve_target(reg.families["wasmtime"], to or "latest", "--to")
        py_known = reg.families["wasmtime-py"].known_lines()
        # the Rust chain starts below wasmtime-py's (25 vs 29): such a --to names Rust hosts only
        if not py_known or line_key(out["wasmtime"]) >= line_key(py_known[0]):
            out["wasmtime-py"] = resolve_target(reg.families["wasmtime-py"], to or "latest", "--to")
    if guests:
        out["wit-bindgen"] = resolve_target(reg.families["wit-bindgen"], guest_to or "latest", "--guest-to")
    if py_guests:
        out["componentize-py"] = resolve_target(reg.families["componentize-py"], py_guest_to or "latest",
                                                "--py-guest-to")
    return out


def _froms(from_: str | None, guest_from: str | None, py_guest_from: str | None = None) -> dict[str, str]:
    out = {}
    if from_:
        out["wasmtime"] = from_
        out["wasmtime-py"] = from_
    if guest_from:
        out["wit-bindgen"] = guest_from
    if py_guest_from:
        out["componentize-py"] = py_guest_from
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


def _size(spec: str) -> int:
    """--max-file-size: bytes, or a number with K/M/G (binary units)."""
    s = spec.strip().upper().removesuffix("B").removesuffix("I")
    mult = {"K": 2**10, "M": 2**20, "G": 2**30}.get(s[-1:], 1)
    num = s[:-1] if mult > 1 else s
    try:
        n = int(float(num) * mult)
    except ValueError:
        n = 0
    if n <= 0:
        raise PlanError(f"--max-file-size {spec!r}: expected a size such as 8M, 512K or 4194304")
    return n


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b) or os.path.realpath(a) == os.path.realpath(b)
    except OSError:
        return False


def _check_outputs(report: Path | None, diff_file: Path | None, repos_from: Path | None, roots: list[Path],
                   bulk: bool, force: bool) -> None:
    """What can be told about the output paths before any repository is read. The rest (a file the run
    reads, a crate being upgraded) is checked per repository once its files are known."""
    outs = [(f, p) for f, p in (("--report", report), ("--diff-file", diff_file)) if p is not None]
    for flag, p in outs:
        why = check_output(p)
        if why:
            raise _Usage(f"{flag} {p}: {why}; nothing was done")
        if repos_from is not None and _same_file(p, repos_from):
            raise _Usage(f"{flag} {p}: is the --repos-from list this run reads")
        if bulk and not force:
            real = Path(os.path.realpath(p))
            for r in roots:
                rr = r.resolve()
                if rr == real.parent or rr in real.parents:
                    raise _Usage(f"{flag} {p}: is inside {r}, a repository of this run; write it outside, or "
                                 "pass --force")
    if report is not None and diff_file is not None and _same_file(report, diff_file):
        raise _Usage(f"--report and --diff-file are the same file ({report})")


@app.command(help="Rewrite source (Rust, Python), manifests (Cargo.toml, pyproject.toml, requirements) and WIT "
                  f"files under PATH(s) up to --to / --guest-to / --py-guest-to. {EXIT_HELP}")
def upgrade(
    paths: Annotated[list[Path] | None, typer.Argument(help="crate or repository roots, or a crate's Cargo.toml "
                                                            "(default: .; a directory inside a crate means that "
                                                            "crate)")] = None,
    to: Annotated[str | None, typer.Option("--to", help="target wasmtime line, e.g. 36, or 'latest'. Only the "
                                           "families named by --to/--guest-to are touched; with neither, all "
                                           "go to latest")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="override the detected wasmtime line")] = None,
    guest_to: Annotated[str | None, typer.Option("--guest-to", help="target wit-bindgen line, e.g. 0.45, or "
                                                 "'latest'")] = None,
    guest_from: Annotated[str | None, typer.Option("--guest-from", help="override the detected wit-bindgen line")]
    = None,
    py_guest_to: Annotated[str | None, typer.Option("--py-guest-to",
                                                    help="target componentize-py line (Python guests), e.g. "
                                                         "0.19, or 'latest'")] = None,
    py_guest_from: Annotated[str | None, typer.Option("--py-guest-from",
                                                      help="override the detected componentize-py line")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="refuse the whole run (exit 3, nothing written) when any "
                                         "crate would be skipped")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="print a unified diff; write nothing")] = False,
    check: Annotated[bool, typer.Option("--check", help="write nothing; exit 1 if changes are pending")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text | json | jsonl")] = "text",
    only: Annotated[list[str] | None, typer.Option("--only", help="run only this step (repeatable)")] = None,
    skip: Annotated[list[str] | None, typer.Option("--skip", help="skip this step (repeatable)")] = None,
    allow_dirty: Annotated[bool, typer.Option("--allow-dirty", help="write even if git has local changes, or "
                                                                    "cannot tell")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="also write the JSON report here (in write "
                                                                 "mode before any source is replaced)")] = None,
    diff_file: Annotated[Path | None, typer.Option("--diff-file", help="write the unified diff of the changes "
                                                                       "here (any mode)")] = None,
    force: Annotated[bool, typer.Option("--force", help="allow --report/--diff-file inside a crate being "
                                                        "upgraded, and replace read-only files")] = False,
    max_file_size: Annotated[str, typer.Option("--max-file-size", help="refuse .rs files bigger than this "
                                                                       "(e.g. 8M)")] = "2M",
    todo_comments: Annotated[bool, typer.Option("--todo-comments",
                                                help="insert `// TODO(wasm-codemod): ...` at follow-up sites")]
    = False,
    verify: Annotated[bool, typer.Option("--verify", help="run `cargo check` in each changed crate and fix what "
                                         "the compiler and the steps know how to fix, round by round (a round "
                                         "is kept only if the error count drops); the rest becomes follow-ups")]
    = False,
    max_rounds: Annotated[int, typer.Option("--max-rounds", min=0, help="with --verify: fix-loop rounds (0: only "
                                            "check)")] = 5,
    offline: Annotated[bool, typer.Option("--offline", help="with --verify: pass --offline to cargo (a warm "
                                          "registry cache, no network)")] = False,
    cargo_arg: Annotated[list[str] | None, typer.Option("--cargo-arg", help="with --verify: one more `cargo check` "
                                                        "argument, e.g. --cargo-arg=--features=e2e (repeatable)")]
    = None,
    rollback_on_fail: Annotated[bool, typer.Option("--rollback-on-fail",
                                                   help="with --verify: restore every file when the check fails")]
    = False,
    repos_from: Annotated[Path | None, typer.Option("--repos-from", help="file with one repository path per line")]
    = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j",
                                             help="processes: repositories in parallel, or one repository's "
                                                  "crates [default: the CPUs, at most 8; 1 for bulk --verify]",
                                             show_default=False)] = None,
    git_branch: Annotated[str | None, typer.Option("--git-branch", help="create this branch before writing")]
    = None,
    git_commit: Annotated[bool, typer.Option("--git-commit", help="commit the changes (message lists steps)")]
    = False,
    step_option: Annotated[list[str] | None, typer.Option("--step-option", help="KEY=VALUE for steps")] = None,
    bindgen_anyhow: Annotated[bool, typer.Option("--bindgen-anyhow",
                                                 help="at 42: add `anyhow: true` to bindgen! instead of rewriting")]
    = False,
) -> None:
    mode = "dry-run" if dry_run else "check" if check else "write"
    if fmt not in ("text", "json", "jsonl"):
        _err(f"--format {fmt!r}: expected text, json or jsonl")
        raise typer.Exit(Exit.USAGE)
    try:
        if dry_run and check:
            raise _Usage("--dry-run and --check are exclusive")
        if jobs is not None and jobs < 1:
            raise _Usage(f"--jobs {jobs}: expected 1 or more")
        roots = list(paths or [])
        listed: list[Path] = []
        if repos_from is not None:
            if not repos_from.is_file():
                raise _Usage(f"--repos-from {repos_from}: no such file")
            try:
                listed = read_repo_list(repos_from)
            except (OSError, UnicodeDecodeError) as exc:
                raise _Usage(f"--repos-from {repos_from}: cannot read it ({exc})") from exc
            if not listed and not roots:
                _err(f"--repos-from {repos_from} lists no repositories: nothing to do")
                if fmt == "json":
                    sys.stdout.write(json.dumps({"schema_version": JSON_SCHEMA_VERSION, "repos": []}, indent=2) + "\n")
                raise typer.Exit(Exit.OK)
        roots += listed
        bulk = len(roots) > 1 or repos_from is not None
        roots = roots or [Path(".")]
        if not bulk:
            if not roots[0].exists():
                raise _Usage(f"{roots[0]}: no such file or directory")
            try:
                roots = [root_for_argument(roots[0])]
            except PathArgError as exc:
                raise _Usage(str(exc)) from exc
        _check_outputs(report, diff_file, repos_from, [r for r in roots if r.exists()], bulk, force)
        run = RunOptions(targets=_targets(to, guest_to, from_, guest_from, py_guest_to, py_guest_from),
                         from_override=_froms(from_, guest_from, py_guest_from),
                         only=frozenset(only or ()), skip=frozenset(skip or ()),
                         step_options=_step_options(step_option, bindgen_anyhow), max_file_size=_size(max_file_size))
        for sid in run.only | run.skip:
            load_registry().step(sid)
    except _Usage as exc:
        raise _usage_exit(str(exc), fmt, mode) from exc
    except PlanError as exc:
        raise _usage_exit(str(exc), fmt, mode) from exc
    want_diff = diff_file is not None or (mode == "dry-run" and fmt == "text")
    jobs_auto = jobs is None
    if jobs is None:
        # cargo parallelises each --verify build itself: bulk verify runs repositories one at a time
        jobs = 1 if bulk and verify else default_jobs()
    if not bulk:
        run.jobs = jobs  # one repository: its crates are planned in parallel (bulk runs split repositories)
        run.jobs_auto = jobs_auto
    opts = SessionOptions(run, mode, allow_dirty, verify, rollback_on_fail, todo_comments, git_branch, git_commit,
                          strict, force=force, report_path=str(report) if report else None,
                          diff_path=str(diff_file) if diff_file else None, early_outputs=not bulk,
                          want_hunks=fmt in ("json", "jsonl") or report is not None, want_diff=want_diff,
                          check=CheckSettings(offline, tuple(cargo_arg or ()), max_rounds))
    try:
        if not bulk:
            prog, on_crate = crate_progress()
            try:
                out = run_repo(roots[0], opts, on_crate=on_crate)
            finally:
                if prog is not None:
                    prog.stop()
            code = _guard_pipe(lambda: _emit_single(out, fmt, mode, diff_file, report), out.exit_code)
            raise typer.Exit(code)
        prog, on_done = progress(len(roots))
        if prog is not None:
            prog.start()
        try:
            outcomes: list[RepoOutcome | None] = []
            for r in roots:
                if not r.exists():
                    outcomes.append(RepoOutcome(str(r), "failed", Exit.USAGE, [f"{r}: no such file or directory"]))
                    continue
                try:
                    root_for_argument(r)
                except PathArgError as exc:
                    outcomes.append(RepoOutcome(str(r), "failed", Exit.USAGE, [str(exc)]))
                    continue
                outcomes.append(None)
            todo = [root_for_argument(r) for r, o in zip(roots, outcomes, strict=True) if o is None]
            done = iter(run_bulk(todo, opts, jobs, on_done))
            final = [o if o is not None else next(done) for o in outcomes]
        finally:
            if prog is not None:
                prog.stop()
        code = _guard_pipe(lambda: _emit_bulk(final, fmt, mode, diff_file, report), bulk_exit_code(final, check))
        raise typer.Exit(code)
    except Interrupted as exc:
        _err(f"stopped by {exc}: {exc.after or 'the write in progress was rolled back (no file of it was changed)'}")
        raise typer.Exit(128 + exc.signum) from exc


def _guard_pipe(emit: Callable[[], int | None], code: int) -> int:
    """Print; a reader that went away early (`| head`) changes neither what was written nor the exit code."""
    try:
        res = emit()
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush does not fail again
        _err("stdout was closed before all output was written; the run itself finished (see the exit code)")
        return code
    return code if res is None else res


def _write_final_outputs(doc: dict[str, Any], diff: bytes | None, diff_file: Path | None, report: Path | None,
                         changed: int, skip: set[str]) -> int | None:
    """--report/--diff-file after the run; an error says whether files were changed."""
    jobs = []
    if report and "--report" not in skip:
        jobs.append(("--report", report, (json.dumps(doc, indent=2) + "\n").encode()))
    if diff_file and diff is not None and "--diff-file" not in skip:
        jobs.append(("--diff-file", diff_file, diff))
    failed = None
    for flag, path, data in jobs:
        try:
            write_output(path, data)
        except OSError as exc:
            tree = (f"{changed} file(s)/repositories WERE changed as reported" if changed else
                    "nothing was written to the sources")
            _err(f"{flag} {path}: cannot write it ({exc.strerror or exc}); {tree}")
            failed = Exit.OUTPUT_FAILED
    return failed


def _emit_single(out: RepoOutcome, fmt: str, mode: str, diff_file: Path | None, report: Path | None) -> int | None:
    doc = out.report or error_doc(mode, out.messages[:1])
    code = None
    if not out.outputs_handled:
        changed = len(doc.get("changes", [])) if out.written else 0
        code = _write_final_outputs(dict(doc, status=out.status), out.diff, diff_file, report, changed, set())
    for m in out.messages:
        _err(m)
    if out.diff_base and (diff_file or (mode == "dry-run" and fmt == "text")):
        _err(f"the diff's paths are relative to {out.diff_base}, the top of the git work tree, as `git apply` "
             f"reads them from any directory of it")
    text = to_text(out.result, mode, out.written) if out.result is not None else ""
    if out.verify:
        text += _verify_text(out.verify)
    if mode == "dry-run" and not diff_file and fmt == "text":
        _write_diff(out.diff)
        sys.stderr.write(text)
        return code
    if fmt == "json":
        doc = dict(doc, status=out.status, verify=out.verify)
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(json.dumps(dict(out.summary(), report=doc)) + "\n")
    else:
        sys.stdout.write(text)
    return code


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
        if v.get("rounds"):
            lines.append(f"  errors before the fix loop: {v['errors_before']}")
        for r in v.get("rounds", []):
            src = ", ".join(f"{n} {s}" for s, n in sorted(
                {f["source"]: sum(1 for g in r["fixes"] if g["source"] == f["source"]) for f in r["fixes"]}.items()))
            lines.append(f"  round {r['round']}: {r['errors_before']} -> {r['errors_after']} error(s), "
                         f"{r['status']}, {src or 'no fix'} ({r['seconds']:.1f}s)")
        for e in v["errors"]:
            lines.append(f"  {e['file']}:{e['line']}: {e['message']}  [{', '.join(e['steps']) or 'not from a step'}]")
    return "\n".join(lines) + "\n"


def _emit_bulk(outcomes: list[RepoOutcome], fmt: str, mode: str, diff_file: Path | None,
               report: Path | None) -> int | None:
    docs = [dict(o.summary(), report=o.report) for o in outcomes]
    blocked = {m.split(" ", 1)[0] for o in outcomes if o.status == "refused" and o.exit_code == Exit.USAGE
               for m in o.messages if m.startswith(("--report ", "--diff-file "))}
    for flag in sorted(blocked):
        _err(f"{flag} was not written: it conflicts with a repository of this run (see its messages)")
    diff = b"".join(o.diff for o in outcomes) if (mode == "dry-run" or diff_file) else None
    code = _write_final_outputs({"schema_version": JSON_SCHEMA_VERSION, "repos": docs}, diff, diff_file, report,
                                sum(1 for o in outcomes if o.written), blocked)
    if mode == "dry-run" and not diff_file and fmt == "text" and diff is not None:
        _write_diff(diff)
    if fmt == "jsonl":
        for d in docs:
            sys.stdout.write(json.dumps(d) + "\n")
        return code
    if fmt == "json":
        sys.stdout.write(json.dumps({"schema_version": JSON_SCHEMA_VERSION, "repos": docs}, indent=2) + "\n")
        return code
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"wasm-codemod: {len(outcomes)} repositories")
    for col in ("repo", "status", "files", "follow-ups", "plan", "note"):
        table.add_column(col)
    for o, d in zip(outcomes, docs, strict=True):
        plan = _plan_summary(d["plans"])
        table.add_row(escape(o.repo), o.status, str(d["files_changed"]), str(d["follow_ups"]), plan,
                      escape((o.messages[0] if o.messages else "")[:80]))
    Console(file=sys.stderr if mode == "dry-run" and fmt == "text" else sys.stdout, width=160).print(table)
    return code


def _plan_summary(plans: list[dict]) -> str:
    """One entry per distinct upgrade, with how many crates make it (a workspace of 40 crates on one
    line is one `wasmtime 29->50 (40 crates)`, not 40 repeats)."""
    counts = Counter(f"{p['family']} {p['from']}->{p['to']}" for p in plans)
    return "; ".join(k if n == 1 else f"{k} ({n} crates)" for k, n in counts.items())


@app.command("plan", help="Show detected versions and the steps an upgrade would run.")
def plan_cmd(
    paths: Annotated[list[Path] | None, typer.Argument()] = None,
    to: Annotated[str | None, typer.Option("--to")] = None,
    from_: Annotated[str | None, typer.Option("--from")] = None,
    guest_to: Annotated[str | None, typer.Option("--guest-to")] = None,
    guest_from: Annotated[str | None, typer.Option("--guest-from")] = None,
    py_guest_to: Annotated[str | None, typer.Option("--py-guest-to")] = None,
    py_guest_from: Annotated[str | None, typer.Option("--py-guest-from")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | json")] = "text",
) -> None:
    from .report import to_json

    try:
        opts = RunOptions(targets=_targets(to, guest_to, from_, guest_from, py_guest_to, py_guest_from),
                          from_override=_froms(from_, guest_from, py_guest_from))
        roots = [root_for_argument(p) for p in paths or [Path(".")]]
        result = plan_run(roots, opts)
    except (PlanError, PathArgError) as exc:
        _err(str(exc))
        raise typer.Exit(Exit.USAGE) from exc
    _newer_release_notices()
    if fmt == "json":
        d = to_json(result, "plan")
        sys.stdout.write(json.dumps({"schema_version": d["schema_version"], "crates": d["crates"]}, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    for name, cdir, c in [(c.crate.name, c.crate.dir, c) for c in result.crates] + \
            [(p.name, p.dir, p) for p in result.projects]:
        for p in c.plans:
            det = c.detected[p.family]
            t = Table(title=escape(f"{name} ({result.rel(cdir) or '.'}): {p.family} {p.current} -> "
                                   f"{p.target} [{det.source}]"))
            for col in ("to", "step", "safety", "summary"):
                t.add_column(col)
            for s in p.steps:
                t.add_row(s.to_version, s.id, s.safety.value, escape(s.summary))
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
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="wasm-codemod steps")
    for col in ("family", "from", "to", "step", "safety", "summary"):
        t.add_column(col, overflow="fold")
    for s in reg.steps:
        # summaries quote Rust (`#[derive(ComponentType)]`): square brackets are text, not markup
        t.add_row(s.family, s.from_version, s.to_version, s.id, s.safety.value, escape(s.summary))
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


def _asked_format(argv: list[str]) -> str:
    for i, a in enumerate(argv):
        if a == "--format" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--format="):
            return a.split("=", 1)[1]
    return "text"


def _click_error(name: str) -> type[Exception]:
    # typer ships click (or its own copy of it): reach its classes through typer
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


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


def _tune_gc() -> None:
    """The run allocates millions of short-lived objects (tree nodes, tuples) and keeps the imported
    modules: with the default thresholds the cyclic collector runs ~400 times and rescans the
    modules in every full pass (~5% of a run). Freeze what exists now; collect young objects less
    often. Peak memory stays within a few MiB."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 10, 100)


def main() -> None:
    _tune_gc()
    usage_error = _click_error("UsageError")
    argv = sys.argv[1:]
    try:
        code = typer.main.get_command(app).main(argv, prog_name="wasm-codemod", standalone_mode=False)
    except usage_error as exc:  # a bad flag, caught by click before our code runs
        exc.show()  # type: ignore[attr-defined]
        fmt = _asked_format(argv)
        mode = "dry-run" if "--dry-run" in argv else "check" if "--check" in argv else "write"
        _json_error(fmt, mode, exc.format_message(), Exit.USAGE)  # type: ignore[attr-defined]
        sys.exit(Exit.USAGE)
    except typer.Abort:
        _err("aborted")
        sys.exit(130)
    except _click_error("ClickException") as exc:
        exc.show()  # type: ignore[attr-defined]
        sys.exit(getattr(exc, "exit_code", 1))
    sys.exit(code if isinstance(code, int) else 0)
