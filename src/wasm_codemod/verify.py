"""`--verify`: `cargo check` each changed crate after writing, fix what the compiler and the steps
know how to fix (the fix loop, `fixloop/`), and tie the errors left to files and steps."""

from __future__ import annotations

import os
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .engine import FileChange
from .fixloop import skew
from .fixloop.diagnostics import CompilerError, parse_messages
from .fixloop.loop import Baseline, Check, LoopResult, map_line, run_loop, touched_lines
from .fixloop.moves import MovedNames
from .fixloop.rules import Scope
from .transform import CompilerFix
from .writer import Interrupted, stop_signals_raise


@dataclass
class Diagnostic:
    file: str
    line: int
    message: str
    steps: list[str] = field(default_factory=list)
    code: str | None = None
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    at_reported_site: bool = False  # a step reported this site for a person
    label: str = ""  # rustc's label of the primary span ("expected `X`, found `Y`")
    skew: str = ""  # the error meets an old copy of the library (skew.OldCopy.text)


@dataclass
class VerifyResult:
    crate: Path
    ok: bool
    diagnostics: list[Diagnostic]
    output: str
    loop: LoopResult | None = None
    skew: str = ""  # old copies of the library in the build and who pulls them in (skew.py), if errors meet them


@dataclass(frozen=True)
class CheckSettings:
    offline: bool = False  # cargo's own --offline: a warm registry cache, no network
    args: tuple[str, ...] = ()  # more `cargo check` arguments, e.g. ("--features", "e2e")
    max_rounds: int = 5  # fix-loop rounds; 0: check only
    timeout: int = 3600


def verify_target_dir() -> Path:
    """Builds go to a cache dir, never into the user's tree (so a rollback leaves it byte-identical)."""
    return Path(os.environ.get("WASM_CODEMOD_VERIFY_TARGET", Path.home() / ".cache" / "wasm-codemod" / "verify-target"))


def cargo_check(crate: Path, settings: CheckSettings = CheckSettings()) -> Check:
    env = dict(os.environ, CARGO_TARGET_DIR=str(verify_target_dir()), CARGO_TERM_COLOR="never")
    cmd = ["cargo", "check", "--quiet", "--message-format=json", *(["--offline"] if settings.offline else []),
           *settings.args]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=crate, env=env, capture_output=True, text=True,
                              timeout=settings.timeout, check=False)
    except FileNotFoundError:
        return Check(False, [], "cargo not found on PATH", 0.0, failed=True)
    except subprocess.TimeoutExpired:
        return Check(False, [], f"cargo check timed out after {settings.timeout}s", time.monotonic() - t0,
                     failed=True)
    errors = parse_messages(proc.stdout)
    ok = proc.returncode == 0
    tail = "\n".join(proc.stderr.strip().splitlines()[-20:])
    return Check(ok, errors, tail, time.monotonic() - t0, failed=not ok and not errors)


def verify_crates(crate_dirs: list[Path], changes: list[FileChange],
                  sites: dict[Path, list[tuple[int, str]]] | None = None,
                  settings: CheckSettings = CheckSettings(), *, roots: list[Path] | None = None,
                  names: dict[Path, tuple[str, ...]] | None = None,
                  rules: dict[Path, list[tuple[str, CompilerFix]]] | None = None,
                  moved: dict[Path, MovedNames] | None = None,
                  write: Callable[[list[FileChange]], None] | None = None) -> list[VerifyResult]:
    """Check each crate; with ``write`` and rounds to spare, run the fix loop on it first.
    ``changes`` are the run's changes (updated in place with the loop's edits)."""
    results = []
    roots_r = tuple(r.resolve() for r in (roots or crate_dirs))
    for d in crate_dirs:
        base = _baseline(changes, sites or {})

        lib = (names or {}).get(d, ())

        def scope_for(current: dict[Path, bytes], d: Path = d, base: Baseline = base,
                      lib: tuple[str, ...] = lib) -> Scope:
            # the lock as the last `cargo check` left it
            return Scope(roots_r, lib, touched_lines(base, current), _old_copies(d, lib))

        def check(d: Path = d) -> Check:
            return cargo_check(d, settings)

        lr: LoopResult | None = None
        if write is not None and settings.max_rounds > 0:
            try:
                with stop_signals_raise():
                    lr = run_loop(check, Path.read_bytes, write, scope_for, (rules or {}).get(d, []),
                                  settings.max_rounds, moved=(moved or {}).get(d))
            except Interrupted as exc:
                # run_loop has put back every fix the compiler had not confirmed before re-raising
                exc.after = ("the upgrade was written before the compiler fix loop; fixes the compiler had not "
                             "confirmed were undone")
                raise
            _merge(changes, lr)
            final = lr.final
        else:
            final = check()
        base = _baseline(changes, sites or {})
        current = {c.path.resolve(): c.new for c in changes}
        touched = touched_lines(base, current)
        extents = _site_extents(base, current)
        copies = _old_copies(d, lib)
        diags = [_diagnostic(e, touched, extents, copies) for e in final.errors]
        output = final.output if final.failed or not diags else ""
        results.append(VerifyResult(d, final.ok, diags, output, lr,
                                    skew.summary(copies) if any(x.skew for x in diags) else ""))
    return results


def _baseline(changes: list[FileChange], sites: dict[Path, list[tuple[int, str]]]) -> Baseline:
    rust = [c for c in changes if c.kind == "rust"]
    return Baseline({c.path.resolve(): c.old for c in rust}, {c.path.resolve(): list(c.steps) for c in rust},
                    {c.path.resolve(): c.new for c in rust}, {p.resolve(): v for p, v in sites.items()})


def _merge(changes: list[FileChange], lr: LoopResult) -> None:
    """The loop's edits become part of the run's changes (one diff, one rollback, one commit)."""
    by_path = {c.path.resolve(): c for c in changes}
    for path, new in lr.after.items():
        ch = by_path.get(path)
        if ch is not None:
            if ch.new != new:
                ch.new = new
                if "fix-loop" not in ch.steps:
                    ch.steps = [*ch.steps, "fix-loop"]
        elif new != lr.before[path]:
            ch = FileChange(path, lr.before[path], new, ["fix-loop"], "rust")
            changes.append(ch)
            by_path[path] = ch
    changes.sort(key=lambda c: str(c.path))


def _site_extents(base: Baseline, current: dict[Path, bytes]) -> dict[Path, list[tuple[int, int, str]]]:
    """Each reported site as a line range of the current file: the item that starts on its line (an
    `impl` a step left for a person covers its methods), and 3 lines either side."""
    out: dict[Path, list[tuple[int, int, str]]] = {}
    for path, lst in base.sites.items():
        data = current.get(path)
        if data is None:
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
        post = base.post_chain.get(path, data)
        items = _item_lines(data) if path.suffix == ".rs" and data else {}
        spans = []
        for line, step in lst:
            ln = map_line(post, data, line)
            first, last = items.get(ln, (ln, ln))
            spans.append((min(ln - 3, first), max(ln + 3, last), step))
        out[path] = spans
    return out


def _item_lines(data: bytes) -> dict[int, tuple[int, int]]:
    """First line -> (first, last line) of each item (fn, impl, trait, struct, ...) in a Rust file."""
    from .rust.parse import parse_rust, walk

    out: dict[int, tuple[int, int]] = {}
    for n in walk(parse_rust(data).root_node):
        if n.type.endswith("_item") and n.type not in ("use_declaration",):
            first, last = n.start_point[0] + 1, n.end_point[0] + 1
            if first not in out or last > out[first][1]:
                out[first] = (first, last)
    return out


def _old_copies(crate: Path, names: tuple[str, ...]) -> tuple[skew.OldCopy, ...]:
    lock = skew.find_lock(crate)
    try:
        return skew.old_copies(lock.read_bytes() if lock else None, names)
    except OSError:
        return ()


def _diagnostic(err: CompilerError, touched: dict[Path, dict[int, tuple[str, ...]]],
                sites: dict[Path, list[tuple[int, int, str]]], copies: tuple[skew.OldCopy, ...] = ()) -> Diagnostic:
    """An error with the steps whose edits are on its lines, or that reported a site it lies in
    (a site a step left for a person)."""
    p = err.primary
    if p is None:
        return Diagnostic("", 0, err.message, [], err.code)
    steps: list[str] = []
    for ln in range(p.line - 1, p.end_line + 2):
        for s in touched.get(p.file, {}).get(ln, ()):
            if s not in steps:
                steps.append(s)
    reported = False
    for lo, hi, step in sites.get(p.file, []):
        if lo <= p.line and p.end_line <= hi:
            reported = True
            if step not in steps:
                steps.append(step)
    old = skew.skew_of(err, copies)
    return Diagnostic(str(p.file), p.line, err.message, steps, err.code, p.col, p.end_line, p.end_col, reported,
                      p.label, old.text() if old else "")


def by_source(lr: LoopResult | None) -> dict[str, int]:
    return dict(Counter(f.source for f in lr.kept_fixes())) if lr else {}


def by_step(lr: LoopResult | None) -> dict[str, int]:
    c: Counter[str] = Counter()
    for f in lr.kept_fixes() if lr else []:
        for s in ([f.step] if f.step else f.steps):
            c[s] += 1
    return dict(c)
