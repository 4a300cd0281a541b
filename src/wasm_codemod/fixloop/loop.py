"""The rounds of the fix loop for one crate: check, fix, check again; keep a round only when the
error count drops.

A round takes at most one fix per error (a step's known fix, then a step's path table, then
rustc's suggestion) and only fixes whose edits do not overlap. After the round's check:

- a fix is *blamed* when an error that was not there before lies on a line it wrote; the round is
  undone and tried once more without the blamed fixes;
- the round is kept when the count dropped below the last kept count;
- a round that removed every error it aimed at but whose count did not drop (rustc now reports
  errors an earlier one masked, e.g. a method call on a type it could not resolve) is kept
  tentatively: the next round may only fix errors it revealed, and must bring the count below the
  last kept one; else both are undone;
- anything else is undone.

A fix that was blamed or undone is never tried again (an error's next option is, in a later
round). The loop stops at a fixpoint (nothing left to try), when cargo fails without errors to
act on, or after ``max_rounds`` rounds.

Files are read and written only through the callables given (all of a round's files or none).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import linediff
from ..engine import FileChange
from ..transform import CompilerFix
from .diagnostics import CompilerError
from .edits import Fix, apply_tracked, choose
from .moves import MovedNames, moved_fix
from .rules import Scope, known_fixes, rustc_fixes
from .skew import skew_of


@dataclass
class Check:
    ok: bool
    errors: list[CompilerError]
    output: str = ""  # what cargo said besides the JSON (the tail of stderr)
    seconds: float = 0.0
    # cargo failed without a compiler error to act on (dependency resolution, build script, timeout)
    failed: bool = False


@dataclass
class Round:
    number: int
    errors_before: int
    errors_after: int | None = None
    status: str = ""  # kept | tentative | rolled-back
    fixes: list[Fix] = field(default_factory=list)
    rejected: list[Fix] = field(default_factory=list)  # blamed for new errors at their own lines
    attempts: int = 0
    seconds: float = 0.0
    check_seconds: float = 0.0


@dataclass
class LoopResult:
    initial: Check
    final: Check
    rounds: list[Round] = field(default_factory=list)
    # content of each file the loop edited, before its first edit and now (equal when all was undone)
    before: dict[Path, bytes] = field(default_factory=dict)
    after: dict[Path, bytes] = field(default_factory=dict)
    stopped: str = ""  # why the loop ended

    def kept_fixes(self) -> list[Fix]:
        return [f for r in self.rounds if r.status == "kept" for f in r.fixes]


@dataclass
class Baseline:
    """What the upgrade did to the crate's files, to tell its sites from the rest."""

    original: dict[Path, bytes]  # content before the upgrade, of the files it changed
    steps: dict[Path, list[str]]  # steps that changed each file
    post_chain: dict[Path, bytes]  # content right after the chain (the reported lines refer to it)
    sites: dict[Path, list[tuple[int, str]]] = field(default_factory=dict)  # reported (line, step)


def touched_lines(base: Baseline, current: dict[Path, bytes]) -> dict[Path, dict[int, tuple[str, ...]]]:
    """Lines of the current files the upgrade changed or reported, with the steps responsible."""
    out: dict[Path, dict[int, tuple[str, ...]]] = {}
    for path, old in base.original.items():
        now = current.get(path, base.post_chain.get(path, old))
        steps = tuple(base.steps.get(path, ()))
        lines = out.setdefault(path, {})
        for tag, _i1, _i2, j1, j2 in _opcodes(old, now):
            if tag != "equal":
                for ln in range(j1 + 1, max(j2, j1 + 1) + 1):
                    lines[ln] = steps
    for path, sites in base.sites.items():
        post = base.post_chain.get(path)
        now = current.get(path, post)
        lines = out.setdefault(path, {})
        for line, step in sites:
            ln = map_line(post, now, line) if post is not None and now is not None else line
            lines[ln] = tuple(sorted(set(lines.get(ln, ())) | {step}))
    return out


def _opcodes(a: bytes, b: bytes) -> list[tuple[str, int, int, int, int]]:
    # near-linear on big files (difflib is quadratic); lines split on b"\n" as rustc counts them
    return linediff.opcodes(linediff.split_lines(a), linediff.split_lines(b))


def map_line(old: bytes, new: bytes, line: int) -> int:
    """Where 1-based ``line`` of ``old`` is in ``new`` (its replacement's first line if it changed)."""
    if old == new:
        return line
    for tag, i1, i2, j1, _j2 in _opcodes(old, new):
        if i1 <= line - 1 < i2:
            return j1 + (line - 1 - i1 if tag == "equal" else 0) + 1
    return line


def candidates(errors: Iterable[CompilerError], scope: Scope, rules: list[tuple[str, CompilerFix]],
               data: dict[Path, bytes], rejected: set[tuple[Any, ...]] | frozenset[tuple[Any, ...]] = frozenset(),
               moved: MovedNames | None = None) -> list[Fix]:
    """One fix per error: the steps' known fixes first, then their path tables, then rustc's
    suggestions, skipping fixes already rejected."""
    out: list[Fix] = []
    for err in errors:
        if skew_of(err, scope.old) is not None:
            continue  # an old copy's type meets the upgraded one: a dependency needs a release, not an edit
        # a step's own knowledge names the error precisely; rustc's suggestions only count at the
        # upgrade's sites or where the error names the upgraded library
        options = known_fixes(err, rules, scope, data)
        mv = moved_fix(err, moved, scope, data) if moved is not None else None
        options += ([mv] if mv is not None else []) + (rustc_fixes(err, scope, data) if scope.relevant(err) else [])
        fix = next((f for f in options if f.fingerprint() not in rejected), None)
        if fix is None:
            continue
        p = err.primary
        if p is not None:
            fix.steps = list(scope.touched.get(p.file, {}).get(p.line, ()))
        out.append(fix)
    return out


def run_loop(check: Callable[[], Check], read: Callable[[Path], bytes],
             write: Callable[[list[FileChange]], None], scope_for: Callable[[dict[Path, bytes]], Scope],
             rules: list[tuple[str, CompilerFix]], max_rounds: int,
             first: Check | None = None, moved: MovedNames | None = None) -> LoopResult:
    first = first or check()
    res = LoopResult(first, first)
    if first.ok or first.failed or max_rounds <= 0 or not first.errors:
        res.stopped = "ok" if first.ok else "no round" if max_rounds <= 0 else "cargo failed"
        return res
    files: dict[Path, bytes] = {}  # what the loop knows is on disk

    def content(p: Path) -> bytes:
        if p not in files:
            files[p] = read(p)
            res.before.setdefault(p, files[p])
        return files[p]

    def apply(fixes: list[Fix]) -> tuple[list[FileChange], dict[int, tuple[Path, int, int]]]:
        """Write ``fixes``; return the undo and, per fix, the lines its edits now occupy."""
        by_file: dict[Path, list[Fix]] = {}
        for f in fixes:
            by_file.setdefault(f.file, []).append(f)
        changes: list[FileChange] = []
        spots: dict[int, tuple[Path, int, int]] = {}
        for path, fs in by_file.items():
            old = content(path)
            new, where = apply_tracked(old, [e for f in fs for e in f.edits])
            changes.append(FileChange(path, old, new, [], "rust"))
            for f in fs:
                rng = [where[e] for e in f.edits]
                lo, hi = min(r[0] for r in rng), max(r[1] for r in rng)
                spots[id(f)] = (path, new.count(b"\n", 0, lo) + 1, new.count(b"\n", 0, hi) + 1)
        write(changes)
        for ch in changes:
            files[ch.path] = ch.new
        return [FileChange(c.path, c.new, c.old, [], "rust") for c in changes], spots

    def undo(changes: list[FileChange]) -> None:
        if changes:
            write(changes)
            for ch in changes:
                files[ch.path] = ch.new

    current = first
    kept_count = len(first.errors)
    rejected: set[tuple[Any, ...]] = set()
    tentative: _Tentative | None = None
    res.stopped = "round limit"
    kept: dict[Path, bytes] = {}  # the files as the last kept round left them (else as they were)
    try:
        current, tentative, kept_count = _rounds(res, check, apply, undo, content, files, kept, scope_for, rules,
                                                 max_rounds, moved, current, tentative, kept_count, rejected)
    except BaseException:
        # Ctrl-C (or anything) mid-round: back to the last kept round before passing it on; the
        # files are never left with fixes the compiler has not confirmed
        back = [FileChange(p, files[p], kept.get(p, res.before[p]), [], "rust") for p in res.before
                if files[p] != kept.get(p, res.before[p])]
        if back:
            write(back)
        raise
    if tentative is not None:
        current = tentative.drop(undo, rejected)
    res.final = current
    res.after = {p: files[p] for p in res.before}
    return res


def _rounds(res: LoopResult, check: Callable[[], Check], apply: Callable[..., Any], undo: Callable[..., None],
            content: Callable[[Path], bytes], files: dict[Path, bytes], kept: dict[Path, bytes],
            scope_for: Callable[[dict[Path, bytes]], Scope], rules: list[tuple[str, CompilerFix]],
            max_rounds: int, moved: MovedNames | None, current: Check, tentative: _Tentative | None,
            kept_count: int, rejected: set[tuple[Any, ...]]) -> tuple[Check, _Tentative | None, int]:
    for n in range(1, max_rounds + 1):
        t0 = time.monotonic()
        for err in current.errors:
            p = err.primary
            if p is not None and p.file.is_file():
                try:
                    content(p.file)
                except OSError:
                    pass
        targets = tentative.revealed if tentative is not None else current.errors
        fixes, _later = choose(candidates(targets, scope_for(dict(files)), rules, files, rejected, moved))
        if not fixes:
            if tentative is None:
                res.stopped = "fixpoint"
                break
            current = tentative.drop(undo, rejected)  # nothing to build on it: undo it, try the rest
            tentative = None
            fixes, _later = choose(candidates(current.errors, scope_for(dict(files)), rules, files, rejected, moved))
            if not fixes:
                res.stopped = "fixpoint"
                break
        rnd = Round(n, len(current.errors))
        res.rounds.append(rnd)
        after: Check | None = None
        undo_changes: list[FileChange] = []
        blamed: list[Fix] = []

        while fixes:
            rnd.attempts += 1
            rnd.fixes = fixes
            try:
                undo_changes, spots = apply(fixes)
            except Exception as exc:  # write_all wrote nothing: the files are as the last round left them
                res.stopped = f"write failed: {exc}"
                after = None
                break
            after = check()
            rnd.check_seconds += after.seconds
            blamed = [] if after.failed else _blame(fixes, spots, current.errors, after.errors)
            if not blamed:
                break
            # each new error on a blamed fix's lines is one the loop can fix in turn (rustc said more:
            # a renamed trait method whose trait must now be imported): go on, on probation
            fresh = [e for e in _revealed(current.errors, after.errors) if _on_lines(e, blamed, spots)]
            if tentative is None and fresh and len(
                    candidates(fresh, scope_for(dict(files)), rules, files, rejected, moved)) == len(fresh):
                break
            undo(undo_changes)
            rnd.errors_after = len(after.errors)  # what the blamed attempt left, for the report
            undo_changes, after = [], None
            rnd.rejected.extend(blamed)
            rejected.update(f.fingerprint() for f in blamed)
            fixes = [f for f in fixes if all(f is not b for b in blamed)]
            if rnd.attempts >= 2:
                break
        rnd.seconds = time.monotonic() - t0
        if after is None:  # not written, or every fix blamed: nothing changed
            rnd.status = "rolled-back"
            if res.stopped.startswith("write failed"):
                break
            continue
        if after.failed:
            undo(undo_changes)
            rnd.status = "rolled-back"
            if tentative is not None:
                current, tentative = tentative.drop(undo, rejected), None
            res.stopped = "cargo failed"
            break
        rnd.errors_after = len(after.errors)
        if not blamed and len(after.errors) < kept_count:
            rnd.status = "kept"
            kept.clear()
            kept.update(files)
            if tentative is not None:
                tentative.round.status = "kept"
                tentative = None
            kept_count, current = len(after.errors), after
            if after.ok:
                res.stopped = "ok"
                break
            continue
        if tentative is None and (blamed or _all_gone(fixes, current.errors, after.errors)):
            rnd.status = "tentative"
            tentative = _Tentative(undo_changes, current, rnd, _revealed(current.errors, after.errors),
                                   blamed or fixes)
            current = after
            continue
        undo(undo_changes)
        rnd.status = "rolled-back"
        rejected.update(f.fingerprint() for f in fixes)
        if tentative is not None:
            current, tentative = tentative.drop(undo, rejected), None
    return current, tentative, kept_count


@dataclass
class _Tentative:
    """A round kept on probation: its undo, the check before it, and the errors it revealed."""

    undo: list[FileChange]
    before: Check
    round: Round
    revealed: list[CompilerError]
    suspects: list[Fix]  # never tried again if the probation fails (the round's other fixes may be)

    def drop(self, undo: Callable[[list[FileChange]], None], rejected: set[tuple[Any, ...]]) -> Check:
        undo(self.undo)
        self.round.status = "rolled-back"
        rejected.update(f.fingerprint() for f in self.suspects)
        return self.before


def _revealed(before: list[CompilerError], after: list[CompilerError]) -> list[CompilerError]:
    new = _key_counts(after) - _key_counts(before)
    out = []
    for e in after:
        if new.get(e.key(), 0) > 0:
            new[e.key()] -= 1
            out.append(e)
    return out


def _key_counts(errors: Iterable[CompilerError]) -> Counter[tuple[str, str, str]]:
    return Counter(e.key() for e in errors)


def _blame(fixes: list[Fix], spots: dict[int, tuple[Path, int, int]], before: list[CompilerError],
           after: list[CompilerError]) -> list[Fix]:
    """Fixes with a new error on a line they wrote (one line of slack either side; any of its spans)."""
    fresh = _revealed(before, after)
    return [f for f in fixes if any(_on_lines(e, [f], spots) for e in fresh)]


def _on_lines(e: CompilerError, fixes: list[Fix], spots: dict[int, tuple[Path, int, int]]) -> bool:
    """Any span of ``e``, a secondary one too: an inserted `use` that clashes with an import a few
    lines down is named by E0252's "previous import ... here", the error itself is the other line."""
    for f in fixes:
        path, lo, hi = spots[id(f)]
        if any(s.file == path and s.line <= hi + 1 and s.end_line >= lo - 1 for s in e.spans):
            return True
    return False


def _all_gone(fixes: list[Fix], before: list[CompilerError], after: list[CompilerError]) -> bool:
    """Every error a fix aimed at is no longer reported."""
    aimed = Counter(f.error.key() for f in fixes)
    left = _key_counts(after)
    was = _key_counts(before)
    return all(left.get(k, 0) <= was[k] - c for k, c in aimed.items())
