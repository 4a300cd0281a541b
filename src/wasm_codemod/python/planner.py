"""Plan and compute the upgrade of the Python projects under the roots, for the PyPI families
(wasmtime-py, componentize-py): detect, run the steps' libcst transforms, bump the declarations.

Called once per run by ``runner.plan_run``, after the Rust crates; returns FileChanges and
FollowUps like the Rust side and writes nothing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import Detected, FileChange, internal_error
from ..plan import Plan, Registry, make_plan
from ..transform import Family, FollowUp, Step, line_key
from .discover import PyProject, discover_python
from .manifests import (
    DepSite,
    LinesFile,
    ManifestError,
    ManifestFile,
    TomlFile,
    add_beside,
    lock_versions,
    pyproject_sites,
    requirements_sites,
    setup_cfg_sites,
    setup_py_sites,
)
from .requirements import admits, bump_spec, is_floor_only, normalize, spec_line
from .worlds import TextUnit, World, wit_worlds

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..discover import Listings
    from ..runner import RunOptions
    from .context import PyContext, PyUnit

MAX_TEXT = 1 << 20  # build files larger than this are not read
LOCK_HINT = {"uv.lock": "uv lock --upgrade-package {pkg}", "poetry.lock": "poetry lock",
             "pdm.lock": "pdm update --unconstrained {pkg}"}


@dataclass
class PyProjectOutcome:
    project: PyProject
    detected: dict[str, Detected] = field(default_factory=dict)
    plans: list[Plan] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    files_parsed: int = 0

    @property
    def name(self) -> str:
        return self.project.display_name

    @property
    def dir(self) -> Path:
        return self.project.dir


@dataclass
class PythonRun:
    projects: list[PyProjectOutcome] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # (manifest, project, family, reason, next step): runner.Skip's fields
    skipped: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def pypi_families(registry: Registry, opts: RunOptions) -> list[Family]:
    return [registry.families[f] for f in opts.targets if registry.families[f].ecosystem == "pypi"]


def plan_python(roots: list[Path], opts: RunOptions, registry: Registry,
                rel: Callable[[Path], str], listings: Listings | None = None) -> PythonRun:
    run = PythonRun()
    families = pypi_families(registry, opts)
    if not families:
        return run
    for project in discover_python(roots, listings):
        try:
            out = _plan_project(project, families, opts, registry, rel, run.errors, run.skipped)
        except Exception as exc:  # a bug of ours in one project never takes the rest of the tree down
            where = rel(project.manifests[0]) if project.manifests else rel(project.dir)
            run.follow_ups.append(internal_error(where, "planning the Python project", exc,
                                                 "nothing in this project was changed"))
            continue
        if out is None:
            continue
        run.projects.append(out)
        run.changes.extend(out.changes)
        run.follow_ups.extend(out.follow_ups)
    return run


def _load_manifests(project: PyProject, names: set[str], rel: Callable[[Path], str],
                    errors: list[str]) -> tuple[dict[Path, ManifestFile], list[DepSite]]:
    files: dict[Path, ManifestFile] = {}
    sites: list[DepSite] = []
    for p in project.manifests:
        try:
            raw = p.read_bytes()
        except OSError as exc:
            errors.append(f"{rel(p)}: cannot read ({exc.strerror})")
            continue
        low = raw.lower()
        if not any(n.encode() in low.replace(b"_", b"-") for n in names) and p.name != "pyproject.toml":
            continue
        try:
            f: ManifestFile = TomlFile(p, raw) if p.suffix == ".toml" else LinesFile(p, raw)
        except ManifestError as exc:
            if any(n.encode() in low.replace(b"_", b"-") for n in names):
                errors.append(f"{rel(p)}: {exc.message}")
            continue
        files[p] = f
        if isinstance(f, TomlFile):
            sites += pyproject_sites(f, names)
            if not project.name:
                proj = f.doc.get("project") or {}
                poetry = (f.doc.get("tool") or {}).get("poetry") or {}
                name = proj.get("name") if isinstance(proj, dict) else None
                name = name or (poetry.get("name") if isinstance(poetry, dict) else None)
                project.name = str(name) if name else ""
        elif isinstance(f, LinesFile):
            if p.name == "setup.cfg":
                sites += setup_cfg_sites(f, names)
            elif p.name == "setup.py":
                sites += setup_py_sites(f, names)
            else:
                sites += requirements_sites(f, names, rel(p).rsplit("/", 1)[-1])
    return files, sites


def _detect(family: Family, sites: list[DepSite], project: PyProject,
            rel: Callable[[Path], str]) -> Detected | None:
    """Lock file when it agrees with the declarations, else an exact pin, else the lowest floor."""
    pkg = normalize(family.primary)
    lines: list[tuple[str, DepSite]] = []
    for s in sites:
        if s.url_or_path or not s.spec:
            continue
        ln = spec_line(s.spec, poetry=s.poetry)
        if ln is not None:
            lines.append((ln, s))
    floor = min((ln for ln, _ in lines), key=line_key, default=None)
    req = next((s.spec for ln, s in lines if ln == floor), None)
    for lock in project.locks:
        for v in lock_versions(lock, {pkg}).get(pkg, []):
            try:
                lk = _line(v)
            except ValueError:
                continue
            # the lock is what is installed, as long as the declarations still allow it
            if all(admits(s.spec, v, s.poetry) for _, s in lines):
                return Detected(family.name, lk, lock.name, v, req)
    pins = [(ln, s) for ln, s in lines if s.spec.lstrip().startswith(("==", "==="))]
    if pins:
        ln, s = min(pins, key=lambda t: line_key(t[0]))
        return Detected(family.name, ln, s.file.name, s.spec.lstrip("=").strip(), s.spec)
    if floor is not None:
        s = next(s for ln, s in lines if ln == floor)
        return Detected(family.name, floor, s.file.name, None, s.spec)
    return None


def _line(version: str) -> str:
    parts = [int(p) for p in version.split(".")[:2] if p.isdigit()]
    if not parts:
        raise ValueError(version)
    return str(parts[0]) if parts[0] > 0 else f"0.{parts[1] if len(parts) > 1 else 0}"


def _is_generated(raw: bytes) -> str | None:
    for ln in raw[:600].splitlines()[:6]:
        t = ln.decode("utf-8", "replace").strip().lower()
        if t.startswith("#") and ("automatically generated by" in t or "@generated" in t or "do not edit" in t):
            return "componentize-py" if "componentize-py" in t else "a code generator"
    return None


def _plan_project(project: PyProject, families: list[Family], opts: RunOptions, registry: Registry,
                  rel: Callable[[Path], str], errors: list[str],
                  skipped: list[tuple[str, str, str, str, str]]) -> PyProjectOutcome | None:
    names = {normalize(f.primary) for f in families}
    files, sites = _load_manifests(project, names, rel, errors)
    out = PyProjectOutcome(project)
    units: dict[Path, PyUnit] = {}
    originals: dict[Path, bytes] = {}
    touched: dict[Path, set[str]] = {}
    bad: set[Path] = set()
    worlds: list[World] = []
    for w in project.wit_files:
        try:
            worlds += wit_worlds(rel(w), w.read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    build: list[TextUnit] = []
    for b in [*project.build_files, *[p for p in project.manifests if p.name == "pyproject.toml"]]:
        try:
            if b.stat().st_size <= MAX_TEXT:
                build.append(TextUnit(rel(b), b.read_text("utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    declared = frozenset(normalize(n) for n in _declared_names(files))
    any_family = False
    for family in families:
        pkg = normalize(family.primary)
        fam_sites = [s for s in sites if s.name == pkg]
        # an undeclared guest (componentize-py run from pipx/uvx) is upgraded when --py-guest-from says
        # from which line: its sources change, there is no declaration to bump
        undeclared = not fam_sites and family.name in opts.from_override and \
            (family.name != "componentize-py" or bool(project.wit_files))
        if not fam_sites and not undeclared:
            continue
        any_family = True
        if family.name in opts.from_override:
            det: Detected | None = Detected(family.name, opts.from_override[family.name], "--from")
        else:
            det = _detect(family, fam_sites, project, rel)
        where = rel(fam_sites[0].file) if fam_sites else (rel(project.manifests[0]) if project.manifests
                                                          else rel(project.dir))
        flag = "--from" if family.name == "wasmtime-py" else "--py-guest-from"
        if det is None:
            skipped.append((where, project.display_name, family.name,
                            f"cannot tell which {family.primary} version this project uses (no lower bound, no "
                            f"lock entry)", f"pin it (e.g. `{family.primary}>=X,<X+1`) or pass {flag}"))
            continue
        known = family.known_lines()
        if known and line_key(det.line) < line_key(known[0]) and det.source != "--from" and \
                fam_sites and all(is_floor_only(s.spec, s.poetry) for s in fam_sites if s.spec.strip()):
            # `wasmtime >= 28.0.0` claims every newer release, not 28: plan from the oldest line we know
            out.follow_ups.append(FollowUp(where, fam_sites[0].line, f"{family.name}-manifest",
                                           f"`{fam_sites[0].spec.strip()}` only sets a floor: planned from "
                                           f"{known[0]}, the oldest line this tool knows (pass {flag} to start "
                                           f"elsewhere)", "info"))
            det = Detected(family.name, known[0], det.source, det.exact, det.requirement)
        if known and line_key(det.line) < line_key(known[0]):
            skipped.append((where, project.display_name, family.name,
                            f"{family.primary} {det.line} is older than the oldest line this tool upgrades from "
                            f"({known[0]})", f"move it to {known[0]} by hand first (or pass {flag} if the detection "
                            f"is wrong)"))
            continue
        if line_key(det.line) > line_key(opts.targets[family.name]):
            skipped.append((where, project.display_name, family.name,
                            f"{family.primary} {det.line} is newer than the target {opts.targets[family.name]}",
                            "nothing to do for this project"))
            continue
        out.detected[family.name] = det
        plan = make_plan(registry, family.name, det.line, opts.targets[family.name], opts.only, opts.skip)
        out.plans.append(plan)
        if plan.is_noop:
            continue
        # parse the files this plan may touch (once per run; families share the parsed modules);
        # libcst (0.2 s of imports) only now that a plan has steps
        from .context import PySourceError, PyUnit
        tokens = {pkg.replace("-", "_").encode()} | {t for s in plan.steps for t in s.prefilter}
        tokens |= {w.module.encode() for w in worlds}
        for p in project.py_files:
            if p in units or p in bad:
                continue
            try:
                raw = p.read_bytes()
            except OSError as exc:
                out.follow_ups.append(FollowUp(rel(p), 1, "engine", f"cannot read ({exc.strerror})", "error"))
                bad.add(p)
                continue
            if not any(t in raw for t in tokens):
                continue
            gen = _is_generated(raw)
            if gen:
                bad.add(p)
                out.follow_ups.append(FollowUp(rel(p), 1, f"{family.name}-generated",
                                               f"generated by {gen}; not rewritten. Regenerate it with "
                                               f"{family.primary} {plan.target}", "manual"))
                continue
            try:
                units[p] = PyUnit.from_bytes(rel(p), raw)
            except PySourceError as exc:
                bad.add(p)
                out.follow_ups.append(FollowUp(rel(p), 1, "engine", f"{exc}; not rewritten, check it by hand",
                                               "manual"))
                continue
            originals[p] = raw
            out.files_parsed += 1
        unit_list = [units[p] for p in project.py_files if p in units]
        for step in plan.steps:
            if step.python is None:
                continue
            before = {u.path: u.code for u in unit_list}
            ctx = _run_step(step, unit_list, plan, opts, worlds, build, declared, out)
            out.follow_ups.extend(ctx.follow_ups)
            failed = {f.file for f in out.follow_ups if f.step == "internal-error"}
            if failed & set(before):
                # a file a step failed on is left exactly as it was: no later step, no write
                for p in [p for p, u in units.items() if u.path in failed]:
                    del units[p]
                    bad.add(p)
                unit_list = [u for u in unit_list if u.path not in failed]
                out.follow_ups = [f for f in out.follow_ups if f.file not in failed or f.step == "internal-error"]
            for p, u in units.items():
                if u.code != before.get(u.path, u.code):
                    touched.setdefault(p, set()).add(step.id)
                    _remap_lines(out.follow_ups, u.path, before[u.path], u.code)
            for name, spec in ctx.added:
                if normalize(name) in declared or not fam_sites:
                    continue
                site = fam_sites[0]
                f = files.get(site.file)
                if f is not None and add_beside(f, site, name, spec):
                    declared = declared | {normalize(name)}
                    touched.setdefault(site.file, set()).add(step.id)
                    out.follow_ups.append(FollowUp(rel(site.file), site.line, step.id,
                                                   f"added `{name}{spec}` next to {family.primary} ({site.where}): "
                                                   f"{step.summary}", "info"))
                else:
                    out.follow_ups.append(FollowUp(rel(site.file), site.line, step.id,
                                                   f"declare `{name}{spec}` in this project's dependencies: "
                                                   f"{step.summary}", "manual"))
        _bump(family, plan, fam_sites, project, rel, out, touched)
    if not any_family:
        return None
    for p, u in units.items():
        new = u.to_bytes()
        if new != originals[p]:
            out.changes.append(FileChange(p, originals[p], new, sorted(touched.get(p, ())), "python"))
    for p, f in files.items():
        new = f.new_bytes()
        if new != f.raw:
            out.changes.append(FileChange(p, f.raw, new, sorted(touched.get(p, ())), "manifest"))
    return out


def _run_step(step: Step, units: list[PyUnit], plan: Plan, opts: RunOptions, worlds: list[World],
              build: list[TextUnit], declared: frozenset[str], out: PyProjectOutcome) -> PyContext:
    """Run one step over the project; if it raises, run it file by file so that only the files it
    fails on are left as they were (each with an internal-error follow-up)."""
    from .context import PyContext

    assert step.python is not None
    saved = [u.module for u in units]
    ctx = PyContext(step, units, plan.current, plan.target, dict(opts.step_options), worlds, build, declared)
    try:
        step.python(ctx)
        return ctx
    except Exception:
        for u, m in zip(units, saved, strict=True):
            u.module = m
    merged = PyContext(step, units, plan.current, plan.target, dict(opts.step_options), worlds, build, declared)
    for u in units:
        one = PyContext(step, [u], plan.current, plan.target, dict(opts.step_options), worlds, build, declared)
        m = u.module
        try:
            step.python(one)
        except Exception as exc:
            u.module = m
            out.follow_ups.append(internal_error(u.path, f"step {step.id}", exc, "this file was left as it was"))
            continue
        merged.follow_ups.extend(one.follow_ups)
        merged.added.extend(a for a in one.added if a not in merged.added)
    return merged


def _declared_names(files: dict[Path, ManifestFile]) -> list[str]:
    """Every package name the project's manifests declare (for "is X already a dependency?")."""
    from .manifests import _pep508_arrays, _poetry_tables
    from .requirements import parse_requirement

    out: list[str] = []
    for f in files.values():
        if isinstance(f, TomlFile):
            for _, arr in _pep508_arrays(f.doc):
                out += [r.name for r in (parse_requirement(str(i)) for i in arr if isinstance(i, str)) if r]
            for _, table in _poetry_tables(f.doc):
                out += list(table.keys())
        elif isinstance(f, LinesFile):
            for ln in f.lines:
                r = parse_requirement(ln.strip())
                if r is not None:
                    out.append(r.name)
    return out


def _bump(family: Family, plan: Plan, sites: list[DepSite], project: PyProject, rel: Callable[[Path], str],
          out: PyProjectOutcome, touched: dict[Path, set[str]]) -> None:
    bump_id = f"{family.name}-manifest"
    patch = family.newest_patch(plan.target)
    for s in sites:
        where = f"{rel(s.file)} ({s.where})" if s.where != rel(s.file).rsplit("/", 1)[-1] else rel(s.file)
        if s.url_or_path:
            out.follow_ups.append(FollowUp(rel(s.file), s.line, bump_id, f"{family.primary} comes from a URL, git "
                                           f"or a path in {where}; point it at {plan.target} by hand", "manual"))
            continue
        if s.hashed:
            out.follow_ups.append(FollowUp(rel(s.file), s.line, bump_id,
                                           f"{family.primary} is pinned with --hash in {where}: regenerate the "
                                           f"file (e.g. `pip-compile --upgrade-package {family.primary}`) so it "
                                           f"pins {patch or plan.target}", "manual"))
            continue
        if not s.spec.strip():
            continue  # unconstrained: any version, nothing to bump
        ln = spec_line(s.spec, poetry=s.poetry)
        new = bump_spec(s.spec, plan.target, patch, poetry=s.poetry)
        if ln is not None and line_key(ln) >= line_key(plan.target) and new == s.spec:
            continue
        if new != s.spec:
            s.set_spec(new)
            touched.setdefault(s.file, set()).add(bump_id)
    for lock in project.locks:
        pkg = normalize(family.primary)
        old = [v for v in lock_versions(lock, {pkg}).get(pkg, []) if line_key(_line(v)) < line_key(plan.target)]
        if old:
            hint = LOCK_HINT.get(lock.name, "your locker").format(pkg=family.primary)
            out.follow_ups.append(FollowUp(rel(lock), 1, bump_id,
                                           f"{lock.name} still pins {family.primary} {old[0]}: run `{hint}` after "
                                           f"this upgrade (lock files are not edited)", "manual"))


def _remap_lines(follow_ups: list[FollowUp], path: str, old: str, new: str) -> None:
    """Move the line numbers of ``path``'s follow-ups from ``old`` to the same code in ``new``."""
    mine = [f for f in follow_ups if f.file == path]
    if not mine:
        return
    a, b = old.splitlines(), new.splitlines()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for f in mine:
        i = f.line - 1
        for tag, i1, i2, j1, j2 in ops:
            if i1 <= i < i2:
                if tag == "equal":
                    f.line = j1 + (i - i1) + 1
                else:
                    f.line = min(j1 + (i - i1), max(j2 - 1, j1)) + 1
                break
