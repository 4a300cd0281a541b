"""Run a plan over one crate: detect versions, apply steps to Rust files, bump manifests.

Knows nothing about any particular library: families and steps come from the registry.
Order inside a crate: structural steps (``apply``) run one after another in version
order, each on the re-parsed output of the previous; then one net path pass carries
every path through the composed moves of all planned steps, so moves that cancel out
(root -> p2 -> root) leave no trace.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit

from . import cargo
from .discover import Crate, Manifest
from .plan import Plan
from .rust.paths import MoveChain, rewrite_paths
from .source import EditSet, SourceError, SourceFile, apply_checked
from .tokenscan import token_scan
from .transform import CrateInputs, Family, FollowUp, RustUnit, Step, StepContext, WitContext, line_key
from .versions import (
    VersionError,
    lock_dependents,
    lock_versions,
    parse_version,
    release_line,
    requirement_line,
    requirement_matches,
)
from .wit import WitUnit


@dataclass(frozen=True)
class Detected:
    family: str
    line: str
    source: str  # "Cargo.lock" | "Cargo.toml" | "--from"
    exact: str | None = None
    requirement: str | None = None


@dataclass
class FileChange:
    path: Path
    old: bytes
    new: bytes
    steps: list[str] = field(default_factory=list)
    kind: str = "rust"  # "rust" | "manifest" | "wit"


@dataclass
class CrateOutcome:
    crate: Crate
    detected: dict[str, Detected] = field(default_factory=dict)
    plans: list[Plan] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    files_parsed: int = 0


def family_deps(m: Manifest, family: Family, readonly: bool = False) -> list[cargo.DepRef]:
    """The family's dependency entries; ``readonly`` reads the fast parse instead of the editable document."""
    if not readonly:
        return [d for d in cargo.iter_deps(m.view) if d.name in family.crates]
    found = m.readonly_deps.get(family.crates)
    if found is None:
        found = m.readonly_deps[family.crates] = [d for d in cargo.iter_deps(m.data) if d.name in family.crates]
    return list(found)


@dataclass(frozen=True)
class Undetected:
    """A crate that uses the family but whose line cannot be told: it is skipped, with why and what to do."""

    family: str
    reason: str
    next_step: str


def _effective(dep: cargo.DepRef, crate: Crate, family: Family) -> tuple[str | None, bool]:
    """(version requirement, comes from git/path) of a use, following `workspace = true`."""
    if dep.workspace and crate.workspace_root is not None:
        for wdep in family_deps(crate.workspace_root, family, readonly=True):
            if wdep.table == "workspace.dependencies" and wdep.key == dep.key:
                return wdep.requirement, wdep.is_git_or_path
        return None, False
    return dep.requirement, dep.is_git_or_path


def family_uses(crate: Crate, family: Family) -> list[cargo.DepRef]:
    """The crate's own dependencies on the family; `[workspace.dependencies]` is a declaration, not a use."""
    if not crate.manifest.mentions(family.crates):
        return []  # cheap text check first: most crates in a large tree never name the family
    return [d for d in family_deps(crate.manifest, family, readonly=True) if not d.table.startswith("workspace.")]


def detect(crate: Crate, family: Family) -> Detected | Undetected | None:
    """The family line a crate builds against (Cargo.lock when it agrees with Cargo.toml, else
    Cargo.toml); ``Undetected`` when it uses the family but the line cannot be told; None when unused."""
    uses = family_uses(crate, family)
    if not uses:
        return None
    # the primary crate's requirement decides; siblings only when the primary is absent
    uses.sort(key=lambda d: d.name != family.primary)
    req: str | None = None
    used = uses[0].name
    registry_uses = 0
    for dep in uses:
        r, vcs = _effective(dep, crate, family)
        if vcs:
            continue
        registry_uses += 1
        if r is not None and req is None:
            req, used = r, dep.name
    if registry_uses == 0:
        return Undetected(family.name, f"{family.name} comes from git or a path here, so its version is unknown",
                          "pass --from (or --guest-from) with the line it tracks to upgrade this crate")
    req_line: str | None = None
    if req is not None:
        try:
            req_line = requirement_line(req)
        except VersionError:
            req_line = None
    lock_lines: dict[str, str] = {}
    for v in sorted(_locked(crate, used), key=_ver_key):
        try:
            lock_lines[release_line(parse_version(v))] = v
        except VersionError:
            continue
    if req is not None:
        # a lock with several lines of the crate (a workspace mid-migration): the one this requirement takes
        matching = [line for line, v in lock_lines.items() if requirement_matches(req, v)]
        if matching:
            line = max(matching, key=line_key)
            return Detected(family.name, line, "Cargo.lock", lock_lines[line], req)
    if req_line is not None:
        # no lock, or a stale lock (e.g. right after an upgrade): the manifest is what will build
        return Detected(family.name, req_line, "Cargo.toml", None, req)
    if len(lock_lines) == 1:
        line, exact = next(iter(lock_lines.items()))
        return Detected(family.name, line, "Cargo.lock", exact, req)
    why = (f"Cargo.lock holds {family.primary if used == family.primary else used} "
           f"{', '.join(sorted(lock_lines.values()))}" if lock_lines else "no Cargo.lock entry")
    return Undetected(family.name, f"cannot tell which {family.name} version this crate uses "
                      f"(requirement {req!r}; {why})" if req is not None else
                      f"cannot tell which {family.name} version this crate uses (no version requirement; {why})",
                      "pass --from (or --guest-from), or pin the version in Cargo.toml")


def _locked(crate: Crate, name: str) -> list[str]:
    for d in [crate.dir] + ([crate.workspace_root.path.parent] if crate.workspace_root else []):
        lock = d / "Cargo.lock"
        if lock.is_file():
            return lock_versions(lock, {name}).get(name, [])
    return []


def internal_error(file: str, where: str, exc: BaseException, consequence: str) -> FollowUp:
    """A bug of ours, reported as a follow-up so the run can go on without the file or crate it hit."""
    tb = traceback.extract_tb(exc.__traceback__)
    frame = tb[-1] if tb else None
    at = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return FollowUp(file, 1, "internal-error",
                    f"{where} raised {type(exc).__name__}: {exc}{at}; {consequence}. This is a wasm-codemod bug: "
                    "please report it with this message", "error")


# -- Rust ------------------------------------------------------------------------------


# Time and memory of the steps grow with a file's size (about 15 s and 90 MiB per MiB of dense
# wasmtime code, see docs/benchmarks.md): past this a file is refused, not half a minute per MiB.
MAX_RUST_FILE = 2 * 1024 * 1024


def load_units(crate: Crate, plan: Plan, family: Family, root_rel: Callable[[Path], str],
               current: dict[Path, bytes] | None = None,
               max_size: int = MAX_RUST_FILE) -> tuple[list[RustUnit], list[FollowUp]]:
    """Parse only the crate's files that mention something the plan may touch (``current``: contents
    already rewritten by an earlier family's plan in this run)."""
    tokens: set[bytes] = {r.encode() for r in family.rust_roots}
    for s in plan.steps:
        tokens.update(s.prefilter)
    scan = token_scan(frozenset(tokens))
    units: list[RustUnit] = []
    problems: list[FollowUp] = []
    for f in crate.rs_files:
        try:
            raw = current[f] if current and f in current else f.read_bytes()
        except OSError as exc:
            problems.append(FollowUp(root_rel(f), 1, "engine", f"cannot read it ({exc.strerror or exc}); fix its "
                                     "permissions or move it out of the crate", "error"))
            continue
        if b"\x00" in raw:  # anywhere, and whatever it mentions: a binary is no source to skip silently
            problems.append(FollowUp(root_rel(f), 1, "engine", "looks binary (NUL byte); not Rust source", "error"))
            continue
        found = scan.present(raw)
        if not found:
            continue
        if len(raw) > max_size:
            problems.append(FollowUp(root_rel(f), 1, "engine",
                                     f"{_size(len(raw))} is above the {_size(max_size)} limit for one Rust file "
                                     "(time and memory grow with size); pass --max-file-size "
                                     f"{-(-len(raw) // 2**20)}M to upgrade it anyway, or move it out of the crate",
                                     "error"))
            continue
        gen = generated_by(raw)
        if gen:
            # generated code is regenerated by its generator, never rewritten by hand
            problems.append(FollowUp(root_rel(f), 1, f"{family.name}-generated",
                                     f"generated by {gen}; not rewritten. Regenerate it with the generator at "
                                     f"{family.name} {plan.target} (or replace it with a `generate!`/`bindgen!` "
                                     f"call), then run wasm-codemod again", "manual"))
            continue
        try:
            src = SourceFile.from_bytes(root_rel(f), raw)
        except SourceError as exc:
            problems.append(FollowUp(root_rel(f), 1, "engine", str(exc).split(": ", 1)[-1], "error"))
            continue
        # every step's tokens are in ``tokens``: step_units never searches this version of the file
        src.scanned, src.present = scan.tokens, found
        units.append(RustUnit(root_rel(f), src))
        units[-1].abs_path = f  # type: ignore[attr-defined]
    return units, problems


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 2**10:.1f} KiB"


def generated_by(raw: bytes) -> str | None:
    """The generator named in a file's header comment, if the file says it is generated."""
    head = raw[:600]
    if not head.lstrip().startswith((b"//", b"/*", b"#!")):
        return None
    for line in head.splitlines()[:6]:
        text = line.decode("utf-8", "replace").strip()
        if not text.startswith(("//", "/*", "*")):
            continue
        low = text.lower()
        if "do not edit" in low or "@generated" in low or "generated by" in low:
            m = re.search(r"generated by\s+(`[^`]+`(?:\s+[\d.]+)?|\S+)", text, re.I)
            return m.group(1).strip(".") if m else "a code generator"
    return None


@dataclass
class RustResult:
    follow_ups: list[FollowUp]
    touched: dict[str, set[str]]  # file -> the steps that changed it
    required_crates: set[str]  # family crates the rewritten code needs in the manifest


def upgrade_rust(units: list[RustUnit], plan: Plan, options: dict[str, object],
                 inputs: CrateInputs | None = None, manifest: Manifest | None = None) -> RustResult:
    """Apply ``plan`` to ``units`` in place.

    A step that raises on a file leaves that file exactly as it was (an ``internal-error`` follow-up
    says so); every other file goes on through the whole plan."""
    follow_ups: list[FollowUp] = []
    touched: dict[str, set[str]] = {}
    originals = {u.path: u.src for u in units}
    live = list(units)

    def give_up(u: RustUnit, where: str, exc: BaseException) -> None:
        # reports made so far describe edits that will not happen: only the error stays
        follow_ups[:] = [f for f in follow_ups if f.file != u.path]
        follow_ups.append(internal_error(u.path, where, exc, "this file was left as it was"))
        touched.pop(u.path, None)
        u.reset(originals[u.path])
        live.remove(u)

    overrides: dict[str, dict[str, str | None]] = {}
    required: set[str] = set()
    for step in plan.steps:
        if step.apply is None:
            continue
        # the moves of the later steps, built only if the step asks (few do; there are ~60 steps)
        later: list[MoveChain] = []

        def at_target(p: str, _step: Step = step, _later: list[MoveChain] = later) -> str:
            if not _later:
                _later.append(MoveChain.of((s.id, s.moves) for s in plan.steps
                                           if line_key(s.to_version) > line_key(_step.to_version)))
            m = _later[0].map(tuple(p.split("::")))
            return "::".join(m.new) if m.new is not None else p

        ctx = _run_step(step, live, plan, options, at_target, give_up, inputs, manifest)
        if ctx is None:
            continue
        follow_ups.extend(ctx.follow_ups)
        if ctx.move_overrides:
            overrides[step.id] = ctx.move_overrides
        required |= ctx.required_crates
        for u in list(live):
            if not u.edits:
                continue
            try:
                res = apply_checked(u.src, u.edits)
            except Exception as exc:
                give_up(u, f"step {step.id}", exc)
                continue
            if res.applied:
                _shift_follow_ups(follow_ups, u.path, u.edits)
                touched.setdefault(u.path, set()).add(step.id)
                u.reset(res.file)
            else:
                follow_ups.append(FollowUp(u.path, 1, step.id, f"{step.title}: {res.reason}", "error"))
                u.reset(u.src)
    chain_all = MoveChain.of((s.id, {**s.moves, **overrides.get(s.id, {})}) for s in plan.steps)
    if chain_all:
        macros: set[str] = set()
        hints: dict[str, str] = {}
        for s in plan.steps:
            macros |= s.path_macros
            hints.update(s.removed_hints)
        for u in list(live):
            if not ALL_FILES and not chain_all.may_touch(u.src.data):
                continue  # no path here can be one the chain moves: the file is not parsed for it
            try:
                _rewrite_unit_paths(u, plan, chain_all, macros, hints, follow_ups, touched)
            except Exception as exc:
                give_up(u, "the path rewrite", exc)
    by_path = {u.path: u for u in units}
    for f in follow_ups:
        if f.offset is not None and f.file in by_path:
            f.line = by_path[f.file].src.line_of(f.offset)
    return RustResult(follow_ups, touched, required)


# Set WASM_CODEMOD_ALL_FILES=1 to show every step every loaded file (the check that the per-step
# prefilters drop no edit: tests/test_step_prefilter.py compares both modes byte for byte).
ALL_FILES = os.environ.get("WASM_CODEMOD_ALL_FILES", "") not in ("", "0")


_TOKEN_SETS: dict[tuple[bytes, ...], frozenset[bytes]] = {}


def step_units(step: Step, units: list[RustUnit]) -> list[RustUnit]:
    """The files ``step`` can act on: those whose current text holds one of its tokens (the step's
    ``prefilter``). The others are never shown to it, so a file no step needs is never parsed."""
    tokens = step.prefilter
    if ALL_FILES or not tokens:
        return units
    token_set = _TOKEN_SETS.get(tokens)
    if token_set is None:
        token_set = _TOKEN_SETS[tokens] = frozenset(tokens)
    out = []
    for u in units:  # SourceFile.has, inlined: this runs for every step x file
        src = u.src
        if src.scanned is not None and token_set <= src.scanned:
            if not token_set.isdisjoint(src.present):
                out.append(u)
            continue
        seen = src.seen
        for t in tokens:
            found = seen.get(t)
            if found is None:
                found = seen[t] = t in src.data
            if found:
                out.append(u)
                break
    return out


def _run_step(step: Step, live: list[RustUnit], plan: Plan, options: dict[str, object],
              at_target: Callable[[str], str],
              give_up: Callable[[RustUnit, str, BaseException], None],
              inputs: CrateInputs | None = None,
              manifest: Manifest | None = None) -> StepContext | None:
    """Run one step over the crate's files; when it raises, find the files it raises on alone, leave
    those as they were, and run it again over the others (None: it cannot run at all)."""

    def attempt(units: list[RustUnit]) -> StepContext:
        shown = step_units(step, units)
        ctx = StepContext(step, shown, plan.current, plan.target, options,
                          path_at_target=at_target, crate_files=units, inputs=inputs or CrateInputs(),
                          manifest=manifest)
        if step.units_only and not shown:
            return ctx  # nothing it may touch: skip its crate-wide set-up
        try:
            assert step.apply is not None
            step.apply(ctx)
        except BaseException:
            for u in units:
                u.edits = EditSet()
                u.pending_imports = {}
            raise
        return ctx

    try:
        return attempt(live)
    except Exception as exc:
        first = exc
    culprits: list[tuple[RustUnit, Exception]] = []
    for u in list(live):
        try:
            attempt([u])
        except Exception as exc:
            culprits.append((u, exc))
        for v in live:
            v.edits = EditSet()
            v.pending_imports = {}
    if not culprits:
        # it fails only with the files together: none can be upgraded without it, so none is
        culprits = [(u, first) for u in live]
    for u, exc in culprits:
        give_up(u, f"step {step.id}", exc)
    if not live:
        return None
    try:
        return attempt(live)
    except Exception as exc:
        give_up(live[0], f"step {step.id}", exc)
        return None


def _rewrite_unit_paths(u: RustUnit, plan: Plan, chain: MoveChain, macros: set[str], hints: dict[str, str],
                        follow_ups: list[FollowUp], touched: dict[str, set[str]]) -> None:
    pr = rewrite_paths(u.src, chain, macros)
    for issue in pr.issues:
        path = "::".join(issue.path)
        step = issue.steps[-1] if issue.steps else "paths"
        if issue.kind == "macro":
            msg = (f"`{path}` inside a macro body cannot be rewritten safely; "
                   f"change it by hand to its new path ({issue.detail})")
        else:
            hint = _hint(hints, issue.path)
            msg = f"`{path}` no longer exists at {plan.family} {plan.target}" + (f": {hint}" if hint else "")
        follow_ups.append(FollowUp(u.path, u.src.line_of(issue.offset), step, msg, "manual",
                                   _link(plan, step), issue.offset))
    if pr.edits:
        res = apply_checked(u.src, pr.edits)
        if res.applied:
            _shift_follow_ups(follow_ups, u.path, pr.edits)
            touched.setdefault(u.path, set()).update(pr.changed_steps)
            u.reset(res.file)
        else:
            follow_ups.append(FollowUp(u.path, 1, "paths", f"path rewrite: {res.reason}", "error"))


def _shift_follow_ups(follow_ups: list[FollowUp], path: str, edits: EditSet) -> None:
    """Keep the byte offsets of reported sites pointing at the same code after ``edits``."""
    for f in follow_ups:
        if f.file != path or f.offset is None:
            continue
        off = f.offset
        delta = 0
        for e in edits.edits:
            if e.end <= off and not (e.start == e.end == off):
                delta += len(e.text) - (e.end - e.start)
            elif e.start < off < e.end:
                off = e.start  # the site itself was replaced: point at the replacement
        f.offset = off + delta


def _hint(hints: dict[str, str], path: tuple[str, ...]) -> str:
    for n in range(len(path), 0, -1):
        h = hints.get("::".join(path[:n]))
        if h:
            return h
    return ""


def _link(plan: Plan, step_id: str) -> str:
    for s in plan.steps:
        if s.id == step_id:
            return s.upstream
    return ""


# -- Cargo.toml ------------------------------------------------------------------------


@dataclass
class ManifestResult:
    changed: bool = False
    steps: set[str] = field(default_factory=set)
    follow_ups: list[FollowUp] = field(default_factory=list)


def upgrade_manifest(m: Manifest, rel: str, family: Family, plan: Plan) -> ManifestResult:
    """Bump every family crate in ``m`` to the plan's target, keeping the requirement style."""
    res = ManifestResult()
    target = plan.target
    patch = family.newest_patch(target)
    bump_id = f"{family.name}-manifest"
    for dep in family_deps(m, family):
        where = f"[{dep.table}] {dep.key}"
        if any(dep.name in s.handles_crates for s in plan.steps):
            continue  # a step of this plan migrates this crate
        successor = family.renamed_crates.get(dep.name)
        if successor and target in family.published.get(successor, ()) \
                and target not in family.published.get(dep.name, ()) and not dep.workspace:
            # keep the Rust name (`use wasmtime_cranelift::..`): point the key at the renamed package
            if m.add_key((*dep.path, dep.key), "package", successor):
                dep = next(d for d in cargo.iter_deps(m.view) if d.path == dep.path and d.key == dep.key)
            else:
                dep = cargo.live_dep(m.doc, dep)
                _set_package(dep, successor)
            res.changed = True
            res.steps.add(bump_id)
            res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                           f"{where}: `{dep.key}` is published as `{successor}` from "
                                           f"{family.name} {family.published[successor][0]} (an internal crate "
                                           f"without API promises); the dependency now names it with `package =`",
                                           "review"))
            dep = cargo.DepRef(dep.table, dep.key, dep.container, successor, dep.path)
        if dep.name in family.removed_crates and line_key(target) >= line_key(family.removed_crates[dep.name]):
            res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                           f"{where}: crate `{dep.name}` is not published for {family.name} "
                                           f"{target}; migrate off it (see docs) before bumping", "manual"))
            continue
        skipped = family.published.get(dep.name, ())
        if skipped and target not in skipped and line_key(target) > line_key(skipped[0]) and not dep.workspace:
            # a crate whose majors skip some lines (the preview1 adapter has no 26 or 35)
            near = [v for v in skipped if abs(line_key(v)[0] - line_key(target)[0]) == 1]
            res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                           f"{where}: crate `{dep.name}` has no {family.name} {target} release "
                                           f"(nearest: {' and '.join(near) or skipped[-1]}); pick a line by hand",
                                           "manual"))
            continue
        if dep.workspace:
            pass  # version comes from the workspace root, which is edited on its own
        elif dep.is_git_or_path:
            res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                           f"{where} is a git/path dependency; point it at {family.name} {target} "
                                           f"by hand", "manual"))
        else:
            req = dep.requirement
            if req is None:
                continue
            try:
                cur = requirement_line(req)
            except VersionError:
                res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                               f"{where}: cannot read version requirement {req!r}", "manual"))
                continue
            if line_key(cur) < line_key(target):
                new = cargo.bump_requirement(req, target, patch)
                dep = _set_requirement(m, dep, new)
                res.changed = True
                res.steps.add(bump_id)
                if "," in req or req.strip().startswith(("<", ">")):
                    res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                                   f"{where}: range {req!r} replaced by {new!r}; widen it again "
                                                   f"if you need to", "review"))
        # feature renames/removals of the steps in the plan (the document only when one is named)
        for s in plan.steps:
            for fc in s.features:
                if fc.crate != dep.name:
                    continue
                if fc.old in _features(dep.item):
                    dep = cargo.live_dep(m.doc, dep)
                feats = dep.features()
                if feats is not None and cargo.rename_feature_in_array(feats, fc.old, fc.new):
                    res.changed = True
                    res.steps.add(s.id)
                    if len(feats) == 0:
                        del dep.item["features"]  # no empty `features = []` left behind
                if _feature_refs(m.view, dep.key, fc.old) and cargo.rename_feature_refs(m.doc, {dep.key}, fc.old,
                                                                                        fc.new):
                    res.changed = True
                    res.steps.add(s.id)
    _bump_companions(m, rel, family, plan, res, bump_id)
    return res


def _bump_companions(m: Manifest, rel: str, family: Family, plan: Plan, res: ManifestResult, bump_id: str) -> None:
    """Crates released with the family under their own numbers (``family.companions``) move to the
    target's companion line, keeping the requirement style (a newer one is left alone)."""
    if not family.companions or not plan.target.isdigit():
        return
    patch = family.newest_patch(plan.target)
    for dep in cargo.iter_deps(m.view):
        off = family.companions.get(dep.name)
        if off is None or dep.workspace or dep.is_git_or_path or dep.requirement is None:
            continue
        line = f"0.{int(plan.target) + off}"
        try:
            cur = requirement_line(dep.requirement)
        except VersionError:
            continue
        if line_key(cur) >= line_key(line):
            continue
        tail = patch.split(".", 1)[1].split(".", 1)[1:] if patch and patch.count(".") == 2 else []
        old = dep.requirement
        _set_requirement(m, dep, cargo.bump_requirement(old, line, f"{line}.{tail[0]}" if tail else None))
        res.changed = True
        res.steps.add(bump_id)
        res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                       f"[{dep.table}] {dep.key}: `{dep.name}` is released with {family.name} as "
                                       f"{line} for {plan.target} (was {old!r}), so it moved along (one copy in the "
                                       f"build); its own API changes are not covered here: check the code that "
                                       f"uses it directly, or pin it back if it never meets {family.name}'s types",
                                       "review"))


def add_dependency(m: Manifest, rel: str, family: Family, plan: Plan, name: str,
                   manifests: dict[Path, Manifest]) -> ManifestResult:
    """Add the family crate ``name`` to ``m`` at the plan's target, written like the family's primary
    dependency (a version string, or `{ workspace = true }` plus an entry in the workspace root)."""
    res = ManifestResult()
    deps = family_deps(m, family)
    if any(d.name == name and not d.table.startswith("workspace.") for d in deps):
        return res
    primary = next((d for d in deps if d.name == family.primary and not d.table.startswith("workspace.")), None)
    table = "dependencies" if primary is None or "." in primary.table else primary.table
    if table not in m.doc:
        m.doc[table] = tomlkit.table()
    req = cargo.bump_requirement(primary.requirement, plan.target, family.newest_patch(plan.target)) \
        if primary is not None and primary.requirement else plan.target
    if primary is not None and primary.workspace:
        entry = tomlkit.inline_table()
        entry["workspace"] = True
        m.doc[table][name] = entry
        root = _workspace_root_of(m, manifests)
        where = f"{rel} (and the workspace root)"
        if root is not None and not any(d.name == name and d.table == "workspace.dependencies"
                                        for d in family_deps(root, family)):
            res.follow_ups.append(FollowUp(rel, _line(m, name), f"{family.name}-manifest",
                                           f"add `{name} = \"{plan.target}\"` to [workspace.dependencies] of the "
                                           "workspace root (the member now inherits it)", "manual"))
    else:
        m.doc[table][name] = req
        where = rel
    res.changed = True
    res.steps.add(f"{family.name}-manifest")
    res.follow_ups.append(FollowUp(rel, _line(m, table), f"{family.name}-manifest",
                                   f"added `{name}` to [{table}] of {where}: the upgraded code uses it", "info"))
    return res


def _workspace_root_of(m: Manifest, manifests: dict[Path, Manifest]) -> Manifest | None:
    for d in m.path.parent.parents:
        root = manifests.get(d / "Cargo.toml")
        if root is not None and root.is_workspace:
            return root
    return None


def patch_follow_ups(m: Manifest, rel: str, family: Family, plan: Plan) -> list[FollowUp]:
    """A `[patch.*]` of a family crate (a fork, a git branch) has to move with the bump, by hand."""
    out: list[FollowUp] = []
    patch = m.data.get("patch")
    if not isinstance(patch, dict):
        return out
    for source, entries in patch.items():
        if not isinstance(entries, dict):
            continue
        for key, spec in entries.items():
            name = spec.get("package", key) if isinstance(spec, dict) else key
            if name not in family.crates:
                continue
            origin = ", ".join(f"{k} = {spec[k]!r}" for k in ("git", "branch", "tag", "rev", "path")
                               if isinstance(spec, dict) and k in spec)
            out.append(FollowUp(rel, _line(m, key), f"{family.name}-manifest",
                                f"[patch.{source}] {key} ({origin or 'patched'}) must provide {name} "
                                f"{plan.target} now that the requirement is bumped: move the patch to a "
                                f"{plan.target} branch/rev of the fork, or remove it", "manual"))
    return out


def dependent_follow_ups(m: Manifest, rel: str, family: Family, plan: Plan, lock: Path | None) -> list[FollowUp]:
    """Third-party crates this manifest names that Cargo.lock shows built on an older line of the
    family (a wasmtime integration crate): they must move to a release built on the target with it."""
    out: list[FollowUp] = []
    if lock is None:
        return out
    dependents = lock_dependents(lock, set(family.crates))
    if not dependents:
        return out
    for dep in cargo.iter_deps(m.view):
        if dep.name in family.crates or dep.name not in dependents or dep.workspace or "path" in _spec_keys(dep):
            continue  # a path dependency is upgraded on its own; an inherited one is reported at the root
        olds = [(v, fam, fv) for v, fam, fv in dependents[dep.name] if _line_of(fv) not in (None, plan.target)]
        if not olds:
            continue
        v, fam, fv = olds[0]
        out.append(FollowUp(rel, _line(m, dep.key), f"{family.name}-manifest",
                            f"[{dep.table}] {dep.key}: {dep.name} {v} (Cargo.lock) is built on {fam} {fv}; move it "
                            f"to a release built on {family.name} {plan.target} along with this upgrade (types "
                            f"of two {family.name} lines do not mix)", "manual"))
    return out


def _spec_keys(dep: cargo.DepRef) -> set[str]:
    item = dep.item
    return set(item.keys()) if hasattr(item, "keys") else set()


def _line_of(version: str) -> str | None:
    try:
        return release_line(parse_version(version))
    except VersionError:
        return None


def find_lock(manifest: Path) -> Path | None:
    """The Cargo.lock that governs ``manifest``: beside it, else beside the nearest Cargo.toml above."""
    for d in [manifest.parent, *manifest.parent.parents]:
        if (d / "Cargo.lock").is_file() and (d / "Cargo.toml").is_file():
            return d / "Cargo.lock"
    return None


def _set_requirement(m: Manifest, dep: cargo.DepRef, req: str) -> cargo.DepRef:
    """Set a dependency's version requirement: a checked text edit while the manifest has no
    document, else (or when the text edit is refused) in the document. Returns the entry as it is now."""
    if m.set_string(dep.requirement_path, req):
        return next(d for d in cargo.iter_deps(m.view) if d.path == dep.path and d.key == dep.key)
    live = cargo.live_dep(m.doc, dep)
    live.set_requirement(req)
    return live


def _features(item: object) -> list[str]:
    f = item.get("features") if isinstance(item, dict) else None
    return [str(x) for x in f] if isinstance(f, list) else []


def _feature_refs(view: object, key: str, feature: str) -> bool:
    """Does some `[features]` entry name `key/feature` (or `key?/feature`)?"""
    feats = view.get("features") if isinstance(view, dict) else None
    if not isinstance(feats, dict):
        return False
    wanted = {f"{key}/{feature}", f"{key}?/{feature}"}
    return any(isinstance(arr, list) and any(str(v) in wanted for v in arr) for arr in feats.values())


def _set_package(dep: cargo.DepRef, package: str) -> None:
    item = dep.item
    if isinstance(item, str) or not hasattr(item, "__setitem__"):
        table = tomlkit.inline_table()
        table["version"] = str(item)
        table["package"] = package
        dep.container[dep.key] = table
    else:
        item["package"] = package


def _line(m: Manifest, key: str) -> int:
    return cargo.line_of_key(m.text, key)


def _ver_key(v: str) -> tuple[int, ...]:
    """"1.88" and "1.88.0" are the same version (else: "rust-version raised from 1.88 to 1.88")."""
    parts = [int(x) for x in re.findall(r"\d+", v)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def raise_rust_version(m: Manifest, rel: str, family: Family, plan: Plan) -> ManifestResult:
    """Raise a declared `rust-version` below the target's MSRV (the build would fail otherwise)."""
    res = ManifestResult()
    rel_info = family.releases.get(plan.target)
    need = rel_info.rust_version if rel_info else None
    if not need or not family_deps(m, family) and not m.is_workspace:
        return res
    found = cargo.rust_version(m.view)
    if found is None:
        return res
    table, have = found
    if _ver_key(have) >= _ver_key(need):
        return res
    parts = len(have.split("."))
    new = ".".join(need.split(".")[:max(parts, 2)])
    pkg = m.view.get("package")
    at = ("package",) if isinstance(pkg, dict) and "rust-version" in pkg else ("workspace", "package")
    if not m.set_string((*at, "rust-version"), new):
        table = m.doc[at[0]] if len(at) == 1 else m.doc[at[0]][at[1]]
        table["rust-version"] = cargo._like(table["rust-version"], new)
    res.changed = True
    step = f"{family.name}-manifest"
    res.steps.add(step)
    res.follow_ups.append(FollowUp(rel, _line(m, "rust-version"), step,
                                   f"rust-version raised from {have} to {new}: {family.name} {plan.target} "
                                   f"needs Rust {need}", "info"))
    return res


def toolchain_follow_ups(disc, outcomes: list[CrateOutcome], registry, rel) -> list[FollowUp]:
    """A pinned rust-toolchain older than a target's MSRV is reported (never edited)."""
    out: list[FollowUp] = []
    seen: set[Path] = set()
    for o in outcomes:
        for p in o.plans:
            if p.is_noop:
                continue
            info = registry.families[p.family].releases.get(p.target)
            need = info.rust_version if info else None
            if not need:
                continue
            for d in [o.crate.dir, *o.crate.dir.parents]:
                for name in ("rust-toolchain.toml", "rust-toolchain"):
                    f = d / name
                    if f.is_file() and f not in seen:
                        seen.add(f)
                        try:
                            txt = f.read_text("utf-8", "replace")
                        except OSError:
                            continue  # a pin we cannot read is no reason to stop: it is only reported
                        m = re.search(r'(?:channel\s*=\s*")?(\d+\.\d+(?:\.\d+)?)', txt)
                        if m and _ver_key(m.group(1)) < _ver_key(need):
                            out.append(FollowUp(rel(f), 1, f"{p.family}-manifest",
                                                f"toolchain pinned to {m.group(1)}, but {p.family} {p.target} needs "
                                                f"Rust {need}: raise the channel", "manual"))
                if any(d == r for r in disc.roots):
                    break
    return out


def upgrade_wit(steps_for: dict[Path, dict[str, tuple[Step, str, str]]], follow_ups: list[FollowUp],
                rel: Callable[[Path], str]) -> list[FileChange]:
    changes: list[FileChange] = []
    for f, steps in sorted(steps_for.items()):
        try:
            raw = f.read_bytes()
        except OSError as exc:
            follow_ups.append(FollowUp(rel(f), 1, "engine", f"cannot read it ({exc.strerror or exc}); fix its "
                                       "permissions", "error"))
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            follow_ups.append(FollowUp(rel(f), 1, "engine", "not valid UTF-8; WIT steps skipped", "error"))
            continue
        data = raw
        applied: list[str] = []
        for step, current, target in sorted(steps.values(), key=lambda t: (line_key(t[0].to_version), t[0].id)):
            unit = WitUnit(rel(f), data, EditSet())
            ctx = WitContext(step, [unit], current, target)
            assert step.wit is not None
            try:
                step.wit(ctx)
                new = unit.edits.apply(data) if unit.edits else data
            except Exception as exc:  # this step's WIT edits are dropped; earlier and later ones stay
                follow_ups.append(internal_error(rel(f), f"step {step.id}", exc, "its WIT edits were not made"))
                continue
            follow_ups.extend(ctx.follow_ups)
            if new != data:
                data = new
                applied.append(step.id)
        if data != raw:
            changes.append(FileChange(f, raw, data, applied, "wit"))
    return changes
