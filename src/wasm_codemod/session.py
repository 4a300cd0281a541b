"""One repository end to end: plan, refuse bad input, write, annotate, verify, commit.

Used for a single root and, in worker processes, for each repository of a bulk run; the
outcome is a plain summary that can cross a process boundary.
"""

from __future__ import annotations

import os
import subprocess
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import writer
from .discover import enclosing_crate_dir
from .engine import FileChange
from .fixloop.edits import Fix
from .fixloop.moves import MovedNames
from .python.discover import discover_python
from .report import error_doc, to_json, unified_diff
from .runner import DirtyUnknown, RefusedError, RunOptions, RunResult, dirty_roots, display_path, plan_run, write_all
from .transform import CompilerFix, FollowUp
from .verify import CheckSettings, VerifyResult, by_source, by_step, verify_crates

TODO_TAG = "TODO(wasm-codemod)"


class Exit:
    """Stable exit codes (README, docs/cli.md)."""

    OK = 0
    CHANGES_PENDING = 1
    USAGE = 2
    REFUSED = 3
    VERIFY_FAILED = 4
    PARTIAL = 5
    INTERNAL = 6
    SKIPPED = 7  # done, but some crates were skipped (each with its reason)
    NO_CRATE = 8
    OUTPUT_FAILED = 9
    # 128 + N: stopped by signal N (130 SIGINT, 143 SIGTERM); the write in progress was rolled back


@dataclass
class SessionOptions:
    run: RunOptions
    mode: str = "write"  # "write" | "dry-run" | "check"
    allow_dirty: bool = False
    verify: bool = False
    rollback_on_fail: bool = False
    todo_comments: bool = False
    git_branch: str | None = None
    git_commit: bool = False
    strict: bool = False  # any skipped crate refuses the run
    force: bool = False  # outputs inside a crate being upgraded; replacing read-only files
    report_path: str | None = None  # --report, checked against the run's files
    diff_path: str | None = None  # --diff-file, likewise
    early_outputs: bool = False  # write --report/--diff-file here, before the first rename (single root)
    want_hunks: bool = True  # the report carries per-file line ranges (JSON output, --report)
    want_diff: bool = False  # build the unified diff (dry-run on stdout, --diff-file)
    check: CheckSettings = field(default_factory=CheckSettings)  # --verify: cargo flags, fix-loop rounds


@dataclass
class RepoOutcome:
    repo: str
    status: str  # changed | unchanged | pending | refused | verify-failed | rolled-back | failed
    exit_code: int
    messages: list[str] = field(default_factory=list)
    report: dict[str, Any] | None = None  # the JSON report of the run (schema in docs/schema/)
    diff: bytes = b""
    verify: list[dict[str, Any]] = field(default_factory=list)
    branch: str | None = None
    commit: str | None = None
    result: RunResult | None = field(default=None, repr=False)  # in-process runs only
    written: bool = False  # files were replaced (and stay replaced)
    outputs_handled: bool = False  # --report/--diff-file written (or refused) by the session: not again
    diff_base: str | None = None  # the diff's paths are relative to this (None: the current directory)

    def summary(self) -> dict[str, Any]:
        rep = self.report or {}
        totals = rep.get("totals", {})
        return {
            "repo": self.repo,
            "status": self.status,
            "exit_code": self.exit_code,
            "files_changed": totals.get("files_changed", 0),
            "follow_ups": totals.get("follow_ups", 0),
            "plans": [p for c in rep.get("crates", []) for p in c.get("plans", []) if p["from"] != p["to"]],
            "messages": self.messages,
            "skipped": [f"{k['manifest']}: {k['reason']}; {k['next_step']}" for k in rep.get("skipped", [])],
            "verify": self.verify,
            "branch": self.branch,
            "commit": self.commit,
        }


def run_repo(root: Path, opts: SessionOptions, keep_result: bool = True,
             on_crate: Callable[[int, int, str], None] | None = None) -> RepoOutcome:
    try:
        return _run_repo(root, opts, keep_result, on_crate)
    except Exception as exc:  # one bad repository never takes the others down
        out = RepoOutcome(str(root), "failed", Exit.INTERNAL,
                          [f"internal error: {exc!r}", traceback.format_exc(limit=3)])
        out.report = error_doc(opts.mode, [f"internal error: {exc!r}"])
        return out


def _refused(root: Path, opts: SessionOptions, messages: list[str], code: int = Exit.REFUSED) -> RepoOutcome:
    out = RepoOutcome(str(root), "refused", code, messages)
    out.report = error_doc(opts.mode, messages)
    return out


def _interrupted_writes(root: Path, opts: SessionOptions) -> tuple[RepoOutcome | None, list[str]]:
    """A write that was killed halfway is finished or undone before anything else looks at the tree."""
    if opts.mode == "write":
        try:
            recs = writer.recover(root)
        except (RefusedError, OSError) as exc:
            return _refused(root, opts, [str(exc)]), []
        return None, [r.message() for r in recs]
    found = writer.pending(root)
    if not found:
        return None, []
    msgs = []
    for p in found:
        if p.live:
            msgs.append(f"another wasm-codemod run is writing here now (journal {p.journal}); run again when it "
                        "has finished")
        else:
            msgs.append(f"an interrupted write was found (journal {p.journal}): {p.replaced} of {p.files} file(s) "
                        f"had been replaced, so the tree is half-written and cannot be checked; run the same "
                        f"`wasm-codemod upgrade` without --check/--dry-run to complete it or roll it back")
    return _refused(root, opts, msgs), []


def _run_repo(root: Path, opts: SessionOptions, keep_result: bool,
              on_crate: Callable[[int, int, str], None] | None = None) -> RepoOutcome:
    early, notes = _interrupted_writes(root, opts)
    if early is not None:
        return early
    result = plan_run([root], opts.run, on_crate=on_crate)
    disc = result.discovery
    if not disc.crates and not disc.manifests and not disc.problems and not result.errors and root.is_dir() \
            and not result.projects and not discover_python([root]):
        up = enclosing_crate_dir(root)
        if up is None:
            out = RepoOutcome(str(root), "unchanged", Exit.NO_CRATE, notes + [
                f"no Cargo.toml in or above {root} (and no Python project in it): nothing to upgrade"],
                              result=result if keep_result else None)
            out.report = to_json(result, opts.mode, hunks=opts.want_hunks)
            return out
        # like cargo: a directory inside a crate means that crate
        notes.append(f"no crate under {root}; using the enclosing crate {up} (as cargo does)")
        root = up
        result = plan_run([root], opts.run, on_crate=on_crate)
    if opts.todo_comments and opts.mode != "check":
        add_todo_comments(result)
    out = RepoOutcome(str(root), "unchanged", Exit.OK, notes, result=result if keep_result else None)
    out.report = to_json(result, opts.mode, hunks=opts.want_hunks)
    if opts.want_diff:
        base = diff_base(result)
        out.diff_base = str(base) if base != result.base else None
        out.diff = unified_diff(result, base)
    conflicts = output_conflicts(result, opts)
    if conflicts:
        out.outputs_handled = True  # never written where they conflict
        out.status, out.exit_code = "refused", Exit.USAGE
        out.messages += conflicts + ["nothing was written"]
        return out
    if result.errors:
        out.status, out.exit_code = "refused", Exit.REFUSED
        out.messages += list(result.errors) + ["nothing was written: fix the errors above and run again"]
        return out
    if opts.strict and result.skipped:
        out.status, out.exit_code = "refused", Exit.REFUSED
        out.messages += [f"skipped: {s.text()}" for s in result.skipped] + [
            "nothing was written: --strict refuses a run that skips crates"]
        return out
    out.exit_code = _finished_code(result)
    if not result.changes:
        return out
    if opts.mode == "check":
        out.status = "pending"
        out.exit_code = Exit.INTERNAL if result.internal_errors else Exit.CHANGES_PENDING
        return out
    if opts.mode == "dry-run":
        out.status = "pending"
        return out
    if not opts.allow_dirty:
        try:
            dirty = dirty_roots([root])
        except DirtyUnknown as exc:
            out.status, out.exit_code = "refused", Exit.REFUSED
            out.messages.append(f"{exc}; so it cannot tell whether the tree has uncommitted changes. Fix git "
                                "there (for a repository owned by another user: git config --global --add "
                                "safe.directory PATH) or pass --allow-dirty. Nothing was written.")
            return out
        if dirty:
            out.status, out.exit_code = "refused", Exit.REFUSED
            out.messages.append(f"{root}: git tree has uncommitted changes; commit or stash them, or pass "
                                "--allow-dirty. Nothing was written.")
            return out
    if opts.git_branch:
        err = _git(root, "checkout", "-q", "-b", opts.git_branch)
        if err:
            out.status, out.exit_code = "refused", Exit.REFUSED
            out.messages.append(f"{root}: cannot create branch {opts.git_branch}: {err}")
            return out
        out.branch = opts.git_branch

    def outputs_first() -> None:
        # the report says what is about to happen; if it cannot be written, nothing happens
        if not opts.early_outputs:
            return
        out.outputs_handled = True
        write_outputs(out, opts)

    try:
        recs = write_all(result.changes, root, allow_readonly=opts.force, before_rename=outputs_first)
    except (RefusedError, OSError) as exc:
        out.status, out.exit_code = "refused", Exit.REFUSED
        if not isinstance(exc, OutputError):
            out.outputs_handled = False  # written early, but nothing happened: rewrite them saying so
        msg = str(exc)
        out.messages.append(msg if "nothing was written" in msg else f"{msg}; nothing was written")
        if out.branch:
            _git(root, "checkout", "-q", "-")
            _git(root, "branch", "-q", "-D", out.branch)
            out.branch = None
        return out
    out.messages += [r.message() for r in recs]
    out.status = "changed"
    out.written = True
    if opts.verify:
        crates = _changed_crates(result)
        locks = _snapshot_locks(result, crates)
        sites: dict[Path, list[tuple[int, str]]] = {}
        for f in result.follow_ups:
            sites.setdefault((result.base / f.file).resolve(), []).append((f.line, f.step))
        names, rules, moved = _loop_data(result, crates)
        before_loop = {c.path: c.new for c in result.changes}

        def write_loop(changes: list[FileChange]) -> None:
            # the loop's rounds (and their rollbacks) go through the same journaled writer as the run
            write_all(changes, root, allow_readonly=opts.force)

        vres = verify_crates(crates, result.changes, sites, opts.check, roots=list(result.discovery.roots),
                             names=names, rules=rules, moved=moved, write=write_loop)
        out.verify = [_verify_json(result, v) for v in vres]
        result.follow_ups.extend(_left_for_a_person(result, vres))
        out.report = dict(to_json(result, opts.mode, hunks=opts.want_hunks), verify=out.verify)
        loop_edited = {c.path: c.new for c in result.changes} != before_loop
        if loop_edited and opts.want_diff:
            out.diff = unified_diff(result, diff_base(result))
        if out.outputs_handled and (loop_edited or out.verify):
            # written before the first rename: say what the loop changed and what cargo said
            try:
                write_outputs(out, opts)
            except OutputError as exc:
                out.messages.append(f"{exc}; the files WERE changed as reported on stdout")
        if not all(v.ok for v in vres):
            out.exit_code = Exit.VERIFY_FAILED
            if opts.rollback_on_fail:
                write_all([FileChange(c.path, c.new, c.old, c.steps, c.kind) for c in result.changes], root,
                          allow_readonly=True)
                for p, data in locks.items():
                    if data is None:
                        p.unlink(missing_ok=True)
                    else:
                        p.write_bytes(data)
                out.status = "rolled-back"
                out.written = False
                out.messages.append("cargo check failed after the upgrade; every file was restored")
                if out.branch:
                    _git(root, "checkout", "-q", "-")
                    _git(root, "branch", "-q", "-D", out.branch)
                    out.branch = None
                return out
            out.status = "verify-failed"
            out.messages.append("cargo check failed after the upgrade; the changes were kept (see verify errors)")
    if opts.git_commit:
        files = [str(c.path) for c in result.changes]
        err = _git(root, "add", "--", *files) or _git(root, "-c", "user.name=wasm-codemod",
                                                     "-c", "user.email=wasm-codemod@localhost",
                                                     "commit", "-q", "-m", commit_message(out.report or {}))
        if err:
            out.messages.append(f"git commit failed: {err}")
            out.exit_code = out.exit_code or Exit.REFUSED
        else:
            out.commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True,
                                        text=True, check=False).stdout.strip()
    return out


def _loop_data(result: RunResult, crates: list[Path]) -> tuple[dict[Path, tuple[str, ...]],
                                                               dict[Path, list[tuple[str, CompilerFix]]],
                                                               dict[Path, MovedNames]]:
    """Per crate: the Rust roots of the families its plans upgraded, its steps' known fixes, and where
    its steps moved items."""
    from .plan import load_registry

    reg = load_registry()
    names: dict[Path, tuple[str, ...]] = {}
    rules: dict[Path, list[tuple[str, CompilerFix]]] = {}
    moved: dict[Path, MovedNames] = {}
    for o in result.crates:
        if o.crate.dir not in crates:
            continue
        plans = [p for p in o.plans if p.steps or p.current != p.target]
        names[o.crate.dir] = tuple(dict.fromkeys(r for p in plans for r in reg.families[p.family].rust_roots))
        rules[o.crate.dir] = [(s.id, r) for p in plans for s in p.steps for r in s.compiler_fixes]
        moved[o.crate.dir] = MovedNames.of((s.id, s.moves) for p in plans for s in p.steps)
    return names, rules, moved


def _verify_json(result: RunResult, v: VerifyResult) -> dict[str, Any]:
    def fix_json(f: Fix) -> dict[str, Any]:
        p = f.error.primary
        return {"source": f.source, "step": f.step, "rule": f.rule, "file": result.rel(f.file),
                "line": p.line if p else 0, "code": f.error.code, "message": f.error.message, "steps": f.steps}

    doc: dict[str, Any] = {
        "crate": str(v.crate), "ok": v.ok,
        "errors": [{"file": result.rel(Path(d.file)) if d.file else "", "line": d.line, "message": d.message,
                    "steps": d.steps, "code": d.code, "column": d.column, "end_line": d.end_line,
                    "end_column": d.end_column, "at_reported_site": d.at_reported_site,
                    **({"label": d.label} if d.label else {}), **({"skew": d.skew} if d.skew else {})}
                   for d in v.diagnostics],
    }
    if v.skew:
        doc["skew"] = v.skew
    if v.output:
        doc["output"] = v.output
    lr = v.loop
    if lr is not None:
        doc["errors_before"] = len(lr.initial.errors)
        doc["first_check_seconds"] = round(lr.initial.seconds, 2)
        doc["stopped"] = lr.stopped
        doc["fixes_by_source"] = by_source(lr)
        doc["fixes_by_step"] = by_step(lr)
        doc["rounds"] = [{"round": r.number, "errors_before": r.errors_before, "errors_after": r.errors_after,
                          "status": r.status, "attempts": r.attempts, "seconds": round(r.seconds, 2),
                          "check_seconds": round(r.check_seconds, 2), "fixes": [fix_json(f) for f in r.fixes],
                          "rejected": [fix_json(f) for f in r.rejected]} for r in lr.rounds]
    return doc


def _left_for_a_person(result: RunResult, vres: list[VerifyResult]) -> list[FollowUp]:
    """Each compiler error left after the loop, as a follow-up carrying rustc's code, message and span;
    each fix rustc was not sure of, for review."""
    out = []
    for v in vres:
        for f in v.loop.kept_fixes() if v.loop else []:
            p = f.error.primary
            if f.review and p is not None:
                out.append(FollowUp(result.rel(f.file), p.line, "fix-loop", f"applied rustc's suggestion "
                                    f"\"{f.rule}\" for {f.error.code}: {f.error.message}; check it is what the "
                                    "code means", "review"))
        for d in v.diagnostics:
            if not d.file:
                continue
            where = f"{d.line}:{d.column}-{d.end_line}:{d.end_column}"
            label = f" ({d.label})" if d.label and d.label not in d.message else ""
            also = f"; at a site {', '.join(d.steps)} reported" if d.at_reported_site and d.steps else ""
            if d.skew:  # no edit here is right: the dependency needs a release on the new version
                also += f"; a type of an old copy of the library: {d.skew}"
            out.append(FollowUp(result.rel(Path(d.file)), max(d.line, 1), "cargo-check",
                                f"rustc {d.code or 'error'} at {where}: {d.message}{label}{also}", "manual"))
    return out


def _finished_code(result: RunResult) -> int:
    """Exit code of a run that was not refused: internal errors, then skips, then success."""
    if result.internal_errors:
        return Exit.INTERNAL
    if result.skipped:
        return Exit.SKIPPED
    return Exit.OK


def diff_base(result: RunResult) -> Path:
    """Diff paths are relative to the git work tree's top when the current directory is inside one:
    `git apply` reads them that way from any subdirectory. Elsewhere, relative to the run's base."""
    top = writer.git_dir(result.base)
    if top is None:
        return result.base
    work = top.parent if top.name == ".git" else None
    if work is None:  # a linked worktree: its .git is a file in the work tree's top
        for p in [result.base, *result.base.parents]:
            if (p / ".git").is_file():
                work = p
                break
    if work is None or not all(work in c.path.parents for c in result.changes):
        return result.base
    return work


def output_conflicts(result: RunResult, opts: SessionOptions) -> list[str]:
    """--report/--diff-file may never be a file the run reads or writes, nor (write mode) land in a
    crate being upgraded (the next run would find the tree dirty) unless --force."""
    outs = [(flag, p) for flag, p in (("--report", opts.report_path), ("--diff-file", opts.diff_path)) if p]
    if not outs:
        return []
    disc = result.discovery
    read: set[Path] = {c.path for c in result.changes} | set(disc.manifests) | set(disc.wit_files)
    for c in disc.crates:
        read.update(c.rs_files)
        read.update(c.wit_files)
    for m in list(disc.manifests):
        read.add(m.parent / "Cargo.lock")
    crate_dirs = [c.dir for c in disc.crates]
    changed_dirs = {c.dir for c in disc.crates if any(c.dir == ch.path.parent or c.dir in ch.path.parents
                                                        for ch in result.changes)}
    changed_dirs |= {ch.path.parent for ch in result.changes if ch.kind == "manifest"}
    errs = []
    for flag, raw in outs:
        p = Path(os.path.realpath(raw))
        inside = [d for d in crate_dirs + [r.resolve() for r in disc.roots] if d == p.parent or d in p.parents]
        if p in read:
            errs.append(f"{flag} {raw}: is {display_path(p, result.base)}, a file this run reads or writes; "
                        "choose a path outside the sources")
        elif inside and (p.suffix in (".rs", ".wit") or p.name in ("Cargo.toml", "Cargo.lock")):
            errs.append(f"{flag} {raw}: the next run would read a {p.name} there as source; choose another name")
        elif opts.mode == "write" and not opts.force and any(d == p.parent or d in p.parents for d in changed_dirs):
            crate = next(d for d in changed_dirs if d == p.parent or d in p.parents)
            errs.append(f"{flag} {raw}: is inside {display_path(crate, result.base) or '.'}, a crate being "
                        "upgraded (the file would leave its tree dirty); write it outside, or pass --force")
    return errs


class OutputError(RefusedError):
    """--report or --diff-file could not be written."""


def write_outputs(out: RepoOutcome, opts: SessionOptions) -> None:
    """--report and --diff-file, each replaced atomically. Raises RefusedError naming the flag."""
    import json

    if opts.report_path:
        try:
            writer.write_output(Path(opts.report_path), (json.dumps(out.report or {}, indent=2) + "\n").encode())
        except OSError as exc:
            raise OutputError(f"--report {opts.report_path}: cannot write it ({exc.strerror or exc})") from exc
    if opts.diff_path:
        try:
            writer.write_output(Path(opts.diff_path), out.diff)
        except OSError as exc:
            raise OutputError(f"--diff-file {opts.diff_path}: cannot write it ({exc.strerror or exc})") from exc


def commit_message(report: dict[str, Any]) -> str:
    plans = {(p["family"], p["from"], p["to"]) for c in report.get("crates", []) for p in c.get("plans", [])
             if p["from"] != p["to"]}
    title = "Upgrade " + ", ".join(f"{f} {a} -> {b}" for f, a, b in sorted(plans)) if plans else "wasm-codemod"
    steps = sorted({s for c in report.get("changes", []) for s in c["steps"]})
    lines = [title, "", "Applied by wasm-codemod. Steps:"] + [f"- {s}" for s in steps]
    fus = report.get("follow_ups", [])
    if fus:
        lines += ["", f"Follow-ups for a person ({len(fus)}):"]
        lines += [f"- {f['file']}:{f['line']} [{f['step']}] {f['message']}" for f in fus]
    return "\n".join(lines) + "\n"


def _git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    return "" if proc.returncode == 0 else (proc.stderr.strip() or f"git {args[0]} failed")


def _changed_crates(result: RunResult) -> list[Path]:
    dirs = []
    for o in result.crates:
        if any(c.path == o.crate.manifest.path or o.crate.dir in c.path.parents for c in result.changes):
            dirs.append(o.crate.dir)
    return dirs


def _snapshot_locks(result: RunResult, crates: list[Path]) -> dict[Path, bytes | None]:
    """cargo check may write Cargo.lock: remember every lock it could touch, for a rollback."""
    snap: dict[Path, bytes | None] = {}
    for d in crates:
        for p in [d, *d.parents]:
            lock = p / "Cargo.lock"
            if lock not in snap:
                snap[lock] = lock.read_bytes() if lock.exists() else None
            if (p / "Cargo.toml").exists() and "[workspace]" in (p / "Cargo.toml").read_text("utf-8", "replace"):
                break
            if p in [r.resolve() for r in result.discovery.roots]:
                break
    return snap


def add_todo_comments(result: RunResult) -> None:
    """Insert `// TODO(wasm-codemod): step: message` above each Rust follow-up site, once."""
    by_path: dict[Path, list] = {}
    for f in result.follow_ups:
        if f.file.endswith(".rs") and f.severity in ("manual", "review") and f.line >= 1:
            by_path.setdefault((result.base / f.file).resolve(), []).append(f)
    changes = {c.path.resolve(): c for c in result.changes}
    for path, fus in by_path.items():
        ch = changes.get(path)
        if ch is None:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            ch = FileChange(path, data, data, [], "rust")
        lines = ch.new.splitlines(keepends=True)
        nl = b"\r\n" if b"\r\n" in ch.new else b"\n"
        added = False
        for f in sorted(fus, key=lambda f: -f.line):
            idx = f.line - 1
            if idx >= len(lines):
                continue
            target = lines[idx]
            bom = b"\xef\xbb\xbf" if idx == 0 and target.startswith(b"\xef\xbb\xbf") else b""
            body = target[len(bom):]
            indent = body[: len(body) - len(body.lstrip(b" \t"))]
            comment = indent + f"// {TODO_TAG}: {f.step}: {f.message}".encode() + nl
            prev = lines[idx - 1] if idx > 0 else b""
            if prev.strip() == comment.strip() or f"// {TODO_TAG}: {f.step}:".encode() in prev:
                continue  # already annotated by an earlier run
            lines[idx] = bom + comment + body
            added = True
        if added:
            ch.new = b"".join(lines)
            if "todo-comments" not in ch.steps:
                ch.steps.append("todo-comments")
            if path not in changes:
                result.changes.append(ch)
                changes[path] = ch
    result.changes.sort(key=lambda c: str(c.path))
