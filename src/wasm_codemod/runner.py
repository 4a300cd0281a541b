"""One upgrade run over a set of roots: discover, plan per crate, compute all changes in memory,
then write every file or none."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cargo import iter_deps
from .discover import BOM, Crate, Discovery, Listings, discover
from .engine import (
    MAX_RUST_FILE,
    CrateOutcome,
    Detected,
    FileChange,
    Undetected,
    add_dependency,
    dependent_follow_ups,
    detect,
    family_uses,
    find_lock,
    internal_error,
    load_units,
    patch_follow_ups,
    raise_rust_version,
    toolchain_follow_ups,
    upgrade_manifest,
    upgrade_rust,
    upgrade_wit,
)
from .plan import Plan, Registry, load_registry, make_plan
from .python.planner import PyProjectOutcome, plan_python
from .step_inputs import RunInputs
from .transform import Family, FollowUp, ManifestContext, Step, line_key
from .writer import Change, Recovery, RefusedError, git_dir, write_files

__all__ = ["RefusedError", "RunOptions", "RunResult", "plan_run", "write_all", "dirty_roots"]


@dataclass(frozen=True)
class Skip:
    """A crate left out of the run, why, and what the user can do about it."""

    manifest: str  # display path of the crate's Cargo.toml
    crate: str
    family: str | None  # None: the crate could not be read at all
    reason: str
    next_step: str

    def text(self) -> str:
        fam = f" ({self.family})" if self.family else ""
        return f"{self.manifest}{fam}: {self.reason}; {self.next_step}"




@dataclass
class RunOptions:
    targets: dict[str, str]  # family -> target line
    from_override: dict[str, str] = field(default_factory=dict)
    only: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    step_options: dict[str, object] = field(default_factory=dict)
    max_file_size: int = MAX_RUST_FILE  # bytes; bigger .rs files are refused (engine.MAX_RUST_FILE)
    jobs: int = 1  # crates planned in parallel (forked workers); the output is the same for any value
    # jobs came from the default (the CPUs), not from --jobs: workers only where they can pay off
    jobs_auto: bool = False


@dataclass
class RunResult:
    discovery: Discovery
    crates: list[CrateOutcome]
    changes: list[FileChange]
    follow_ups: list[FollowUp]
    errors: list[str]
    base: Path  # paths in reports are relative to this
    skipped: list[Skip] = field(default_factory=list)
    # Python projects (wasmtime-py hosts, componentize-py guests): python/planner.py
    projects: list[PyProjectOutcome] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        return bool(self.changes)

    @property
    def internal_errors(self) -> list[FollowUp]:
        return [f for f in self.follow_ups if f.step == "internal-error"]

    def rel(self, p: Path) -> str:
        return display_path(p, self.base)


def display_path(p: Path, base: Path) -> str:
    s, b = str(p), str(base)
    if len(s) > len(b) + 1 and s.startswith(b) and s[len(b)] == os.sep and not b.endswith(os.sep):
        # `p.relative_to(base)` as strings (asked for every file of every crate; pathlib is slow at it)
        return s[len(b) + 1:].replace(os.sep, "/")
    try:
        return p.relative_to(base).as_posix()
    except ValueError:
        return os.path.relpath(p, base).replace(os.sep, "/")


def plan_run(roots: list[Path], opts: RunOptions, base: Path | None = None,
             registry: Registry | None = None,
             on_crate: Callable[[int, int, str], None] | None = None) -> RunResult:
    """Compute every change of an upgrade without writing anything."""
    registry = registry or load_registry()
    if base is None:
        try:
            base = Path.cwd()
        except FileNotFoundError:  # the working directory was removed under us
            base = roots[0] if roots[0].is_dir() else roots[0].parent
    base = base.resolve()
    listings: Listings = {}  # each directory is listed once: the Python side reads the Rust walk's
    disc = discover(roots, listings)
    errors: list[str] = []
    # an unreadable Cargo.toml costs its own crate (named, with the fix), not the whole run; one that
    # names no crate of the families asked for is none of this run's business
    asked = tuple(c for f in opts.targets if registry.families[f].ecosystem == "cargo"
                  for c in registry.families[f].crates)
    skipped: list[Skip] = [Skip(display_path(p.path, base), p.path.parent.name, None, p.message,
                                "fix the manifest and run again; nothing in this crate was touched")
                           for p in disc.problems if _mentions(p.path, asked)]
    outcomes: list[CrateOutcome] = []
    changes: list[FileChange] = []
    follow_ups: list[FollowUp] = []
    # manifest -> (family -> target) for every manifest some crate's plan touches
    manifest_plans: dict[Path, dict[str, Plan]] = {}
    # manifest -> family -> crates the rewritten sources need as new dependencies
    required: dict[Path, dict[str, set[str]]] = {}

    def rel(p: Path) -> str:
        return display_path(p, base)

    by_dir = {c.dir.resolve(): c for c in disc.crates}
    built_for: dict[Path, list[Crate]] = {}  # crate dir -> crates that have it as a path build-dependency
    deps_memo: dict[object, object] = {}
    macro_users: dict[Path, list[Crate]] = {}  # proc-macro crate dir -> crates that depend on it by path
    for c in disc.crates:
        for dep in _path_deps(c, by_dir, build_only=True, memo=deps_memo):
            built_for.setdefault(dep.dir, []).append(c)
        for dep in _path_deps(c, by_dir, memo=deps_memo):
            if _is_proc_macro(dep):
                macro_users.setdefault(dep.dir, []).append(c)
    graph = (by_dir, built_for, deps_memo, macro_users)
    inputs = RunInputs(by_dir, rel)
    records = _crate_records(disc.crates, opts, registry, rel, graph, on_crate, inputs)
    for crate, rec in zip(disc.crates, records, strict=True):
        # merged in crate order, whichever process planned it: the same lists, in the same order
        plans = [make_plan(registry, *k, opts.only, opts.skip) for k in rec.plans]
        out = CrateOutcome(crate, dict(rec.detected), plans, rec.changes, rec.follow_ups, rec.files_parsed)
        outcomes.append(out)
        skipped.extend(rec.skipped)
        for mpath, fam_name, names in rec.required:
            required.setdefault(mpath, {}).setdefault(fam_name, set()).update(names)
        for mpath, fam_name, key in rec.manifest_plans:
            manifest_plans.setdefault(mpath, {})
            prev_plan = manifest_plans[mpath].get(fam_name)
            if prev_plan is None or line_key(key[1]) < line_key(prev_plan.current):
                manifest_plans[mpath][fam_name] = make_plan(registry, *key, opts.only, opts.skip)
        changes.extend(out.changes)
        follow_ups.extend(out.follow_ups)

    roots_resolved = [r.resolve() for r in roots]
    mentions = _SourceMentions(disc.crates)
    for mpath, plans in manifest_plans.items():
        m = disc.manifests[mpath]
        inside = any(mpath == r or r in mpath.parents for r in roots_resolved)
        steps: set[str] = set()
        changed = False
        for fam_name, plan in plans.items():
            family = registry.families[fam_name]
            snapshot = m.dumps()
            try:
                res = upgrade_manifest(m, rel(mpath), family, plan)
                follow_ups.extend(res.follow_ups)
                if res.changed:
                    follow_ups.extend(patch_follow_ups(m, rel(mpath), family, plan))
                    follow_ups.extend(dependent_follow_ups(m, rel(mpath), family, plan, find_lock(mpath)))
                changed |= res.changed
                steps |= res.steps
                for name in sorted(required.get(mpath, {}).get(fam_name, ())):
                    added = add_dependency(m, rel(mpath), family, plan, name, disc.manifests)
                    follow_ups.extend(added.follow_ups)
                    changed |= added.changed
                    steps |= added.steps
            except Exception as exc:
                m.reset_doc(snapshot)
                follow_ups.append(internal_error(rel(mpath), f"bumping {fam_name}", exc,
                                                 f"the {fam_name} requirements here were left as they were"))
                continue
            # the document's text before the next hook: dumped again only after a hook changed it
            # (a dump per hook was 7% of a dry-run; most hooks find nothing to do)
            hook_snapshot: str | None = None
            for s in plan.steps:
                if s.manifest is None:
                    continue
                if hook_snapshot is None:
                    hook_snapshot = m.dumps()
                mctx = ManifestContext(s, rel(mpath), m, m.text, plan.current, plan.target, file=mpath,
                                       mentions=lambda token, p=mpath: mentions(p, token))
                try:
                    s.manifest(mctx)
                except Exception as exc:  # undo what the hook did to the document, keep the rest
                    m.reset_doc(hook_snapshot)
                    follow_ups.append(internal_error(rel(mpath), f"step {s.id}", exc,
                                                     "this step's manifest edits were not made"))
                    continue
                follow_ups.extend(mctx.follow_ups)
                if mctx.changed:
                    changed = True
                    steps.add(s.id)
                    hook_snapshot = None
            rv = raise_rust_version(m, rel(mpath), family, plan)
            follow_ups.extend(rv.follow_ups)
            if rv.changed:
                changed = True
                steps |= rv.steps
        if not changed:
            continue
        if not inside:
            follow_ups.append(FollowUp(rel(mpath), 1, "engine", "workspace root is outside the given paths; "
                                       "it was not edited. Run wasm-codemod on the workspace root.", "manual"))
            continue
        new = (BOM if m.bom else b"") + _tidy_changed_lines(m.text, m.dumps()).encode("utf-8")
        old = mpath.read_bytes()
        if new != old:
            changes.append(FileChange(mpath, old, new, sorted(steps), "manifest"))
    changes.extend(_wit_changes(disc, outcomes, registry, follow_ups, rel))
    follow_ups.extend(toolchain_follow_ups(disc, outcomes, registry, rel))
    py = plan_python(roots, opts, registry, rel, listings)
    changes.extend(py.changes)
    follow_ups.extend(py.follow_ups)
    errors.extend(py.errors)
    skipped.extend(Skip(*k) for k in py.skipped)
    # files that could not be read as Rust are input errors: the run refuses to write
    for f in follow_ups:
        if f.severity == "error" and f.step == "engine":
            errors.append(f"{f.file}: {f.message}")
    follow_ups = [f for f in follow_ups if not (f.severity == "error" and f.step == "engine")]
    # one follow-up per site, whatever path found it; a step's own report at a line makes the
    # generic "no longer exists" report of the path pass at that line redundant
    stepped = {(f.file, f.line) for f in follow_ups if " no longer exists at " not in f.message}
    uniq: dict[tuple[str, int, str, str], FollowUp] = {}
    gone: dict[tuple[str, int, str], FollowUp] = {}
    for f in follow_ups:
        if " no longer exists at " in f.message:
            if (f.file, f.line) in stepped:
                continue
            prev = gone.get((f.file, f.line, f.step))
            if prev is not None:
                # several removed paths on one line: one follow-up naming them all
                head, _, rest = f.message.partition(" no longer exists at ")
                if head not in prev.message:
                    p_head, _, p_rest = prev.message.partition(" no longer exist")
                    prev.message = f"{p_head}, {head} no longer exist" + p_rest.removeprefix("s")
                continue
            gone[(f.file, f.line, f.step)] = f
        uniq.setdefault(f.key(), f)
    changes.sort(key=lambda c: str(c.path))
    return RunResult(disc, outcomes, changes, list(uniq.values()), errors, base, skipped, py.projects)


@dataclass
class _CrateRecord:
    """What planning one crate gives the run, in a form a worker process can send back: plans by
    (family, current, target), rebuilt with make_plan (steps hold functions)."""

    detected: list[tuple[str, Detected]] = field(default_factory=list)
    plans: list[tuple[str, str, str]] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    files_parsed: int = 0
    skipped: list[Skip] = field(default_factory=list)
    required: list[tuple[Path, str, set[str]]] = field(default_factory=list)
    manifest_plans: list[tuple[Path, str, tuple[str, str, str]]] = field(default_factory=list)


def _plan_crate(crate: Crate, opts: RunOptions, registry: Registry, rel: Callable[[Path], str],
                graph: tuple[dict[Path, Crate], dict[Path, list[Crate]], dict[object, object],
                             dict[Path, list[Crate]]], inputs: RunInputs | None = None) -> _CrateRecord:
    rec = _CrateRecord()
    detected: dict[str, Detected] = {}
    # a crate that is both host and guest: the second family starts from the first one's output
    rust_changes: dict[Path, FileChange] = {}
    for fam_name, target in opts.targets.items():
        family = registry.families[fam_name]
        if family.ecosystem != "cargo":
            continue  # Python families: plan_python
        try:
            decision = _decide(crate, family, target, opts, registry, rel, graph)
            if isinstance(decision, Skip):
                rec.skipped.append(decision)
                continue
            if decision is None:
                continue
            det, plan = decision
            if plan.is_noop:
                detected[fam_name] = det
                rec.plans.append((plan.family, plan.current, plan.target))
                continue
            current = {p: c.new for p, c in rust_changes.items()}
            units, problems = load_units(crate, plan, family, rel, current, opts.max_file_size)
            originals = {u.path: u.src.to_bytes() for u in units}
            rr = upgrade_rust(units, plan, opts.step_options, inputs.for_crate(crate) if inputs else None,
                              crate.manifest)
        except Exception as exc:  # a bug of ours in one crate never takes the rest of the tree down
            rec.follow_ups.append(internal_error(rel(crate.manifest.path), f"planning {fam_name}", exc,
                                                 f"{family.name} was not upgraded in this crate"))
            continue
        detected[fam_name] = det
        rec.plans.append((plan.family, plan.current, plan.target))
        rec.files_parsed += len(units)
        rec.follow_ups.extend(problems)
        rec.follow_ups.extend(rr.follow_ups)
        if rr.required_crates:
            rec.required.append((crate.manifest.path, fam_name, set(rr.required_crates)))
        for u in units:
            new = u.src.to_bytes()
            if new == originals[u.path]:
                continue
            path = u.abs_path  # type: ignore[attr-defined]
            prev = rust_changes.get(path)
            steps = sorted(rr.touched.get(u.path, ()))
            if prev is None:
                rust_changes[path] = FileChange(path, originals[u.path], new, steps, "rust")
            else:
                prev.new = new
                prev.steps = sorted(set(prev.steps) | set(steps))
        for m in [crate.manifest, crate.workspace_root]:
            if m is not None:
                rec.manifest_plans.append((m.path, fam_name, (plan.family, plan.current, plan.target)))
    rec.detected = list(detected.items())
    rec.changes = [c for c in rust_changes.values() if c.new != c.old]
    return rec


# what forked planning workers read (set just before the pool forks, so they inherit it)
_FORK_STATE: tuple | None = None


# the default --jobs forks crate workers only for repositories with at least this many .rs files in
# crates that name a family crate (a worker's start is worth ~10 such files)
AUTO_JOBS_MIN_FILES = 40


def default_jobs() -> int:
    """The processes a run uses when --jobs is not given: the CPUs this process may run on, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(n, 8))


def _plan_crate_in_worker(i: int) -> _CrateRecord:
    assert _FORK_STATE is not None
    crates, opts, registry, rel, graph, inputs = _FORK_STATE
    return _plan_crate(crates[i], opts, registry, rel, graph, inputs)


def _crate_records(crates: list[Crate], opts: RunOptions, registry: Registry, rel: Callable[[Path], str],
                   graph: tuple[dict[Path, Crate], dict[Path, list[Crate]], dict[object, object],
                                dict[Path, list[Crate]]],
                   on_crate: Callable[[int, int, str], None] | None,
                   inputs: RunInputs | None = None) -> list[_CrateRecord]:
    """Plan every crate: in this process, or (``opts.jobs`` > 1, several crates, fork available) in
    that many forked workers; the records come back by crate index, so the run's output is the same."""
    import multiprocessing as mp

    busy = [i for i, c in enumerate(crates) if any(c.manifest.mentions(registry.families[f].crates)
                                                   for f in opts.targets)] if opts.jobs > 1 else []
    if opts.jobs_auto and sum(len(crates[i].rs_files) for i in busy) < AUTO_JOBS_MIN_FILES:
        busy = []  # a small repository: a forked worker costs more than it saves
    if opts.jobs <= 1 or len(busy) < 2 or "fork" not in mp.get_all_start_methods():
        out = []
        for i, crate in enumerate(crates):
            if on_crate is not None:
                on_crate(i, len(crates), crate.name)
            out.append(_plan_crate(crate, opts, registry, rel, graph, inputs))
        return out
    from concurrent.futures import ProcessPoolExecutor

    global _FORK_STATE
    records: dict[int, _CrateRecord] = {}
    _FORK_STATE = (crates, opts, registry, rel, graph, inputs)
    try:
        with ProcessPoolExecutor(max_workers=min(opts.jobs, len(busy)), mp_context=mp.get_context("fork")) as pool:
            futs = {i: pool.submit(_plan_crate_in_worker, i) for i in busy}
            for i, crate in enumerate(crates):
                if on_crate is not None:
                    on_crate(i, len(crates), crate.name)
                if i in futs:
                    try:
                        records[i] = futs[i].result()
                    except Exception:  # a worker that died: plan the crate here instead
                        records[i] = _plan_crate(crate, opts, registry, rel, graph, inputs)
                else:
                    # names no family crate: only path-dependency inheritance can plan it (cheap)
                    records[i] = _plan_crate(crate, opts, registry, rel, graph, inputs)
    finally:
        _FORK_STATE = None
    return [records[i] for i in range(len(crates))]


class _SourceMentions:
    """``ManifestContext.source_mentions``: does a .rs file under `src/` of the manifest's crate hold
    a token? Each file is read once per run, whichever hook asks."""

    def __init__(self, crates: list[Crate]) -> None:
        self._by_manifest = {c.manifest.path: c for c in crates}
        self._data: dict[Path, bytes] = {}

    def __call__(self, manifest: Path, token: bytes) -> bool:
        crate = self._by_manifest.get(manifest)
        if crate is None:
            return False
        src = crate.dir / "src"
        for f in crate.rs_files:
            if src not in f.parents:
                continue
            if f not in self._data:
                try:
                    self._data[f] = f.read_bytes()
                except OSError:
                    self._data[f] = b""
            if token in self._data[f]:
                return True
        return False


def _mentions(path: Path, names: tuple[str, ...]) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return True  # cannot tell: say so
    return any(n.encode() in data for n in names)


def _path_deps(crate: Crate, by_dir: dict[Path, Crate], build_only: bool = False,
               memo: dict[object, object] | None = None) -> list[Crate]:
    """The crates of this run that ``crate`` depends on by `path` (directly or through
    `workspace = true` entries of its workspace root); ``build_only``: its build-dependencies only.
    ``memo`` keeps the answers of one planning pass (manifests are only edited after it): every
    crate's family check asks again, and every member of a workspace reads the same root."""
    memo = {} if memo is None else memo
    key = (crate.dir, build_only)
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    # the fast read-only parse (m.data), not the editable tomlkit document: this runs for every
    # crate of the tree, and most manifests are never edited
    ws: dict[str, object] = {}
    if crate.workspace_root is not None:
        wkey = ("ws", crate.workspace_root.path)
        if wkey not in memo:
            memo[wkey] = {d.key: d.item for d in iter_deps(crate.workspace_root.data)
                          if d.table == "workspace.dependencies"}
        ws = memo[wkey]  # type: ignore[assignment]
    out: list[Crate] = []
    for d in iter_deps(crate.manifest.data):
        if d.table.startswith("workspace.") or (build_only and not d.table.endswith("build-dependencies")):
            continue
        item, base = d.item, crate.dir
        if _is_table(item) and item.get("workspace") and d.key in ws and crate.workspace_root is not None:
            item, base = ws[d.key], crate.workspace_root.path.parent
        if _is_table(item) and "path" in item:
            dep = by_dir.get((base / str(item["path"])).resolve())
            if dep is not None and dep is not crate:
                out.append(dep)
    memo[key] = out
    return out


def _is_table(item: object) -> bool:
    from tomlkit.items import InlineTable, Table

    return isinstance(item, (dict, InlineTable, Table))


def _inherited(crate: Crate, family: Family, by_dir: dict[Path, Crate],
               built_for: dict[Path, list[Crate]], memo: dict[object, object] | None = None) -> Detected | None:
    """A crate that names no crate of the family but is tied by `path` to one of this run that does:
    it depends on it (a workspace's `host` crate using `runtime`'s re-exports or generated bindings),
    or it is that crate's build-dependency (a generator writing Rust source for it, code in string
    templates). It is upgraded at that crate's line."""
    seen = {crate.dir}
    todo = list(_path_deps(crate, by_dir, memo=memo))  # a copy: the memo keeps its list
    # generators: crates whose build-dependencies name this one
    todo += built_for.get(crate.dir, [])
    while todo:
        dep = todo.pop(0)
        if dep.dir in seen:
            continue
        seen.add(dep.dir)
        found = detect(dep, family)
        if isinstance(found, Detected):
            return Detected(family.name, found.line, "path-dependency", found.exact, None)
        if found is None:
            todo.extend(_path_deps(dep, by_dir, memo=memo))
    return None


def _is_proc_macro(crate: Crate) -> bool:
    lib = crate.manifest.data.get("lib")
    return isinstance(lib, dict) and bool(lib.get("proc-macro", lib.get("proc_macro")))


def _mentions_roots(crate: Crate, family: Family) -> bool:
    tokens = [r.encode() for r in family.rust_roots]
    for f in crate.rs_files:
        try:
            data = f.read_bytes()
        except OSError:
            continue
        if any(t in data for t in tokens):
            return True
    return False


def _macro_user(crate: Crate, family: Family, macro_users: dict[Path, list[Crate]]) -> Detected | None:
    """A proc-macro crate whose users (by path) use the family and whose sources name the family's
    crates: it writes their code in `quote!`."""
    users = macro_users.get(crate.dir, [])
    if not users or not _mentions_roots(crate, family):
        return None
    for user in users:
        found = detect(user, family)
        if isinstance(found, Detected):
            return Detected(family.name, found.line, "proc-macro user", found.exact, None)
    return None


def _decide(crate: Crate, family: Family, target: str, opts: RunOptions, registry: Registry,
            rel: Callable[[Path], str],
            graph: tuple[dict[Path, Crate], dict[Path, list[Crate]], dict[object, object],
                         dict[Path, list[Crate]]] | None = None
            ) -> tuple[Detected, Plan] | Skip | None:
    """Plan one family for one crate, or say why the crate is skipped (None: it does not use the family)."""
    found = detect(crate, family)
    if found is None and family.follows_path_deps and graph is not None:
        found = _inherited(crate, family, *graph[:3])
    if found is None and family.follows_proc_macros and graph is not None:
        found = _macro_user(crate, family, graph[3])
    if found is None:
        return None
    where = rel(crate.manifest.path)

    def skip(reason: str, next_step: str) -> Skip:
        return Skip(where, crate.name, family.name, reason, next_step)

    if family.name in opts.from_override:
        det = Detected(family.name, opts.from_override[family.name], "--from")
    elif isinstance(found, Undetected):
        if crate.workspace_root is None and any(d.workspace for d in family_uses(crate, family)):
            return skip(f"{family.name} is inherited from a workspace root that could not be read",
                        "fix the workspace Cargo.toml and run again")
        return skip(found.reason, found.next_step)
    else:
        det = found
    known = family.known_lines()
    flag = "--from" if family.name == "wasmtime" else "--guest-from"
    if known and line_key(det.line) < line_key(known[0]):
        return skip(f"{family.name} {det.line} is older than the oldest line this tool upgrades from ({known[0]})",
                    f"move it to {known[0]} by hand first (or pass {flag} if the detection is wrong)")
    if det.line not in family.releases and line_key(det.line) <= line_key(family.latest_line()):
        return skip(f"{family.name} {det.line} is not a published release line",
                    f"check the version requirement (or pass {flag})")
    if line_key(det.line) > line_key(target):
        return skip(f"{family.name} {det.line} is newer than the target {target}", "nothing to do for this crate")
    return det, make_plan(registry, family.name, det.line, target, opts.only, opts.skip)


def _wit_changes(disc: Discovery, outcomes: list[CrateOutcome], registry: Registry, follow_ups: list[FollowUp],
                 rel) -> list[FileChange]:
    """Run WIT steps once per .wit file, with the steps of every crate that uses the file."""
    steps_for: dict[Path, dict[str, tuple[Step, str, str]]] = {}
    by_dir = {o.crate.dir: o for o in outcomes}
    for f in disc.wit_files:
        users = [by_dir[c.dir] for c in disc.wit_users(f) if c.dir in by_dir]
        for o in users:
            for p in o.plans:
                for s in p.steps:
                    if s.wit is not None:
                        steps_for.setdefault(f, {})[s.id] = (s, p.current, p.target)
    return upgrade_wit(steps_for, follow_ups, rel)


def _tidy_changed_lines(old: str, new: str) -> str:
    """tomlkit leaves a double space where an inline-table key was removed: tidy the lines we changed."""
    import re

    before = set(old.splitlines())
    out = []
    for ln in new.splitlines(keepends=True):
        if ln.rstrip("\r\n") not in before:
            body = ln.rstrip("\r\n")
            body = re.sub(r"(\S)[ \t]{2,}\}", r"\1 }", body)
            body = re.sub(r"\{[ \t]{2,}(\S)", r"{ \1", body)
            if re.search(r"\{ \S", body):
                body = re.sub(r"([^\s{])\}(\s*(#.*)?)$", r"\1 }\2", body)  # a key appended to `{ a = 1 }`
            ln = body + ln[len(ln.rstrip("\r\n")):]
        out.append(ln)
    return "".join(out)


# -- writing ---------------------------------------------------------------------------


class DirtyUnknown(Exception):
    """The root is in a git repository, but git cannot tell whether the tree is clean."""


def dirty_roots(roots: list[Path]) -> list[str]:
    """Roots inside a git work tree with uncommitted changes (untracked files included).

    Raises DirtyUnknown when a root is in a git repository (a `.git` above it) but git fails
    there: a repository owned by another user, a broken index, no git binary. Treating that as
    clean would write over uncommitted work."""
    dirty = []
    for r in roots:
        d = r if r.is_dir() else r.parent
        if git_dir(d.resolve()) is None:
            continue  # not in a repository: nothing to compare against
        try:
            st = subprocess.run(["git", "-C", str(d), "status", "--porcelain", "--", "."], capture_output=True,
                                text=True, check=False)
        except OSError as exc:
            raise DirtyUnknown(f"{r}: is in a git repository, but git cannot run ({exc.strerror})") from exc
        if st.returncode != 0:
            why = (st.stderr.strip().splitlines() or [f"git status exited {st.returncode}"])[0]
            raise DirtyUnknown(f"{r}: is in a git repository, but `git status` failed: {why}")
        if st.stdout.strip():
            dirty.append(str(r))
    return dirty


def write_all(changes: list[FileChange], root: Path | None = None, allow_readonly: bool = False,
              before_rename: Callable[[], None] | None = None) -> list[Recovery]:
    """Write every change or none, crash-safe (see writer.py); Cargo.toml files are renamed last."""
    if not changes:
        return []
    if root is None:
        root = Path(os.path.commonpath([str(c.path.parent) for c in changes]))
    return write_files([Change(c.path, c.old, c.new, last=c.kind == "manifest" or c.path.name == "Cargo.toml")
                        for c in changes], root, allow_readonly, before_rename)
