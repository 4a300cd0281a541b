"""Run a plan over one crate: detect versions, apply steps to Rust files, bump manifests.

Knows nothing about any particular library: families and steps come from the registry.
Order inside a crate: structural steps (``apply``) run one after another in version
order, each on the re-parsed output of the previous; then one net path pass carries
every path through the composed moves of all planned steps, so moves that cancel out
(root -> p2 -> root) leave no trace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import cargo
from .discover import Crate, Manifest
from .plan import Plan
from .rust.paths import MoveChain, rewrite_paths
from .source import EditSet, SourceError, SourceFile, apply_checked
from .transform import Family, FollowUp, RustUnit, Step, StepContext, WitContext, line_key
from .versions import VersionError, lock_versions, parse_version, release_line, requirement_line
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
    doc = m.data if readonly else m.doc
    return [d for d in cargo.iter_deps(doc) if d.name in family.crates]


def detect(crate: Crate, family: Family) -> Detected | None:
    """The family line a crate builds against: Cargo.lock when it agrees with Cargo.toml, else Cargo.toml."""
    if not crate.manifest.mentions(family.crates):
        return None  # cheap text check first: most crates in a large tree never name the family
    req: str | None = None
    used = family.primary
    for dep in family_deps(crate.manifest, family, readonly=True):
        if dep.name != family.primary and req is not None:
            continue
        if dep.table.startswith("workspace."):
            continue
        r = dep.requirement
        if dep.workspace and crate.workspace_root is not None:
            for wdep in family_deps(crate.workspace_root, family, readonly=True):
                if wdep.table == "workspace.dependencies" and wdep.key == dep.key:
                    r = wdep.requirement
        if r is not None and (req is None or dep.name == family.primary):
            req = r
            used = dep.name
    if req is None and not family_deps(crate.manifest, family, readonly=True):
        return None
    req_line: str | None = None
    if req is not None:
        try:
            req_line = requirement_line(req)
        except VersionError:
            req_line = None
    locked: list[str] = []
    for d in [crate.dir] + ([crate.workspace_root.path.parent] if crate.workspace_root else []):
        lock = d / "Cargo.lock"
        if lock.is_file():
            locked = lock_versions(lock, {used}).get(used, [])
            break
    lock_lines = {}
    for v in locked:
        try:
            lock_lines[release_line(parse_version(v))] = v
        except VersionError:
            continue
    if req_line is not None and req_line in lock_lines:
        return Detected(family.name, req_line, "Cargo.lock", lock_lines[req_line], req)
    if req_line is not None:
        # no lock, or a stale lock (e.g. right after an upgrade): the manifest is what will build
        return Detected(family.name, req_line, "Cargo.toml", None, req)
    if len(lock_lines) == 1:
        line, exact = next(iter(lock_lines.items()))
        return Detected(family.name, line, "Cargo.lock", exact, req)
    return None


# -- Rust ------------------------------------------------------------------------------


def load_units(crate: Crate, plan: Plan, family: Family,
               root_rel: Callable[[Path], str]) -> tuple[list[RustUnit], list[FollowUp]]:
    """Parse only the crate's files that mention something the plan may touch."""
    tokens: set[bytes] = {r.encode() for r in family.rust_roots}
    for s in plan.steps:
        tokens.update(s.prefilter)
    units: list[RustUnit] = []
    problems: list[FollowUp] = []
    for f in crate.rs_files:
        raw = f.read_bytes()
        if not any(t in raw for t in tokens):
            continue
        try:
            src = SourceFile.from_bytes(root_rel(f), raw)
        except SourceError as exc:
            problems.append(FollowUp(root_rel(f), 1, "engine", str(exc).split(": ", 1)[-1], "error"))
            continue
        units.append(RustUnit(root_rel(f), src))
        units[-1].abs_path = f  # type: ignore[attr-defined]
    return units, problems


def upgrade_rust(units: list[RustUnit], plan: Plan,
                 options: dict[str, object]) -> tuple[list[FollowUp], dict[str, set[str]]]:
    """Apply ``plan`` to ``units`` in place. Returns follow-ups and, per file, the steps that changed it."""
    follow_ups: list[FollowUp] = []
    touched: dict[str, set[str]] = {}
    chain_all = MoveChain.of((s.id, s.moves) for s in plan.steps)
    for step in plan.steps:
        if step.apply is None:
            continue
        after = MoveChain.of((s.id, s.moves) for s in plan.steps if line_key(s.to_version) > line_key(step.to_version))

        def at_target(p: str, _chain: MoveChain = after) -> str:
            m = _chain.map(tuple(p.split("::")))
            return "::".join(m.new) if m.new is not None else p

        ctx = StepContext(step, units, plan.current, plan.target, options, path_at_target=at_target)
        step.apply(ctx)
        follow_ups.extend(ctx.follow_ups)
        for u in units:
            if not u.edits:
                continue
            res = apply_checked(u.src, u.edits)
            if res.applied:
                _shift_follow_ups(follow_ups, u.path, u.edits)
                touched.setdefault(u.path, set()).add(step.id)
                u.reset(res.file)
            else:
                follow_ups.append(FollowUp(u.path, 1, step.id, f"{step.title}: {res.reason}", "error"))
                u.reset(u.src)
    if chain_all:
        macros: set[str] = set()
        hints: dict[str, str] = {}
        for s in plan.steps:
            macros |= s.path_macros
            hints.update(s.removed_hints)
        for u in units:
            pr = rewrite_paths(u.src, chain_all, macros)
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
    by_path = {u.path: u for u in units}
    for f in follow_ups:
        if f.offset is not None and f.file in by_path:
            f.line = by_path[f.file].src.line_of(f.offset)
    return follow_ups, touched


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
        if dep.name in family.removed_crates and line_key(target) >= line_key(family.removed_crates[dep.name]):
            res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                           f"{where}: crate `{dep.name}` is not published for {family.name} "
                                           f"{target}; migrate off it (see docs) before bumping", "manual"))
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
                dep.set_requirement(new)
                res.changed = True
                res.steps.add(bump_id)
                if "," in req or req.strip().startswith(("<", ">")):
                    res.follow_ups.append(FollowUp(rel, _line(m, dep.key), bump_id,
                                                   f"{where}: range {req!r} replaced by {new!r}; widen it again "
                                                   f"if you need to", "review"))
        # feature renames/removals of the steps in the plan
        feats = dep.features()
        for s in plan.steps:
            for fc in s.features:
                if fc.crate != dep.name:
                    continue
                if feats is not None and cargo.rename_feature_in_array(feats, fc.old, fc.new):
                    res.changed = True
                    res.steps.add(s.id)
                if cargo.rename_feature_refs(m.doc, {dep.key}, fc.old, fc.new):
                    res.changed = True
                    res.steps.add(s.id)
    return res


def _line(m: Manifest, key: str) -> int:
    for i, ln in enumerate(m.text.splitlines(), 1):
        s = ln.strip()
        if s.startswith((f"{key} ", f"{key}=", f'"{key}"')) or s.endswith((f".{key}]", f'."{key}"]')):
            return i
    return 1


def _ver_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", v)[:3])


def raise_rust_version(m: Manifest, rel: str, family: Family, plan: Plan) -> ManifestResult:
    """Raise a declared `rust-version` below the target's MSRV (the build would fail otherwise)."""
    res = ManifestResult()
    rel_info = family.releases.get(plan.target)
    need = rel_info.rust_version if rel_info else None
    if not need or not family_deps(m, family) and not m.is_workspace:
        return res
    found = cargo.rust_version(m.doc)
    if found is None:
        return res
    table, have = found
    if _ver_key(have) >= _ver_key(need):
        return res
    parts = len(have.split("."))
    new = ".".join(need.split(".")[:max(parts, 2)])
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
                        txt = f.read_text("utf-8", "replace")
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
        raw = f.read_bytes()
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
            step.wit(ctx)
            follow_ups.extend(ctx.follow_ups)
            if unit.edits:
                data = unit.edits.apply(data)
                applied.append(step.id)
        if data != raw:
            changes.append(FileChange(f, raw, data, applied, "wit"))
    return changes
