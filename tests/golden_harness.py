"""Run one step (or a short chain) over a golden case and compare with its `after` side.

A case folder holds ``before.rs`` / ``after.rs`` (the crate's src/lib.rs), optionally
``before.toml`` / ``after.toml`` (its Cargo.toml), more ``before.<name>.rs`` files for
multi-file crates (written as src/<name>.rs), ``case.toml`` (``from``, ``to``, ``steps``)
and ``wit/`` (the crate's wit/; ``after-wit/`` replaces it on the after side when a step edits WIT),
``follow_ups.txt`` (one ``<file>:<line>: <text that must appear>`` per expected follow-up;
without it, the case must produce no follow-up).

Python steps (families wasmtime-py, componentize-py): ``before.py`` / ``after.py`` are the project's
``app.py`` (``before.<name>.py`` -> ``<name>.py``); ``before.toml`` / ``after.toml`` its pyproject.toml
(default: the family's package at ``>=from,<next`` / ``>=to,<next``), ``before.txt`` / ``after.txt`` a
requirements.txt; ``wit/`` is copied as on the Rust side, ``files/`` (a Makefile, scripts) into the project.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import tomli as tomllib  # TOML 1.1 (multi-line inline tables), which cargo accepts

from wasm_codemod.plan import load_registry
from wasm_codemod.runner import RunOptions, plan_run, write_all

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@dataclass
class Case:
    step: str
    name: str
    dir: Path
    from_: str
    to: str
    steps: list[str]
    family: str = "wasmtime"
    options: dict = field(default_factory=dict)  # step options, as the CLI passes them (case.toml `options`)

    @property
    def id(self) -> str:
        return f"{self.step}/{self.name}"


def cases() -> list[Case]:
    reg = load_registry()
    out = []
    for step_dir in sorted(p for p in GOLDEN.iterdir() if p.is_dir() and p.name != "projects"):
        step = reg.step(step_dir.name)
        for d in sorted(p for p in step_dir.iterdir() if p.is_dir()):
            meta = tomllib.loads((d / "case.toml").read_text()) if (d / "case.toml").exists() else {}
            out.append(Case(step.id, d.name, d, str(meta.get("from", step.from_version)),
                            str(meta.get("to", step.to_version)), list(meta.get("steps", [step.id])), step.family,
                            dict(meta.get("options", {}))))
    return out


PY_PACKAGES = {"wasmtime-py": "wasmtime", "componentize-py": "componentize-py"}


def is_python(case: Case) -> bool:
    return case.family in PY_PACKAGES


def _next_line(line: str) -> str:
    parts = line.split(".")
    return ".".join(parts[:-1] + [str(int(parts[-1]) + 1)])


def build_python(case: Case, side: str, dest: Path) -> Path:
    """Lay out the ``side`` of a Python case as a project under ``dest``."""
    proj = dest / "project"
    if proj.exists():
        shutil.rmtree(proj)
    proj.mkdir(parents=True)
    manifest = case.dir / f"{side}.toml"
    if manifest.exists():
        (proj / "pyproject.toml").write_bytes(manifest.read_bytes())
    elif not (case.dir / f"{side}.txt").exists():
        v = case.from_ if side == "before" else case.to
        (proj / "pyproject.toml").write_text(
            f'[project]\nname = "golden"\nversion = "0.1.0"\n'
            f'dependencies = ["{PY_PACKAGES[case.family]}>={v},<{_next_line(v)}"]\n')
    if (case.dir / f"{side}.txt").exists():
        (proj / "requirements.txt").write_bytes((case.dir / f"{side}.txt").read_bytes())
    for f in case.dir.glob(f"{side}*.py"):
        rest = f.name[len(side):]
        name = "app.py" if rest == ".py" else rest.lstrip(".")
        (proj / name).write_bytes(f.read_bytes())
    if (case.dir / "wit").is_dir():
        shutil.copytree(case.dir / "wit", proj / "wit")
    if (case.dir / "files").is_dir():  # other project files (Makefile, scripts), the same on both sides
        shutil.copytree(case.dir / "files", proj, dirs_exist_ok=True)
    return proj


def build_crate(case: Case, side: str, dest: Path) -> Path:
    """Lay out the ``side`` ("before"/"after") of a case as a crate (or Python project) under ``dest``."""
    if is_python(case):
        return build_python(case, side, dest)
    crate = dest / "crate"
    if crate.exists():
        shutil.rmtree(crate)
    (crate / "src").mkdir(parents=True)
    manifest = case.dir / f"{side}.toml"
    if manifest.exists():
        (crate / "Cargo.toml").write_bytes(manifest.read_bytes())
    else:
        v = case.from_ if side == "before" else case.to
        deps = (f'wasmtime = "{v}"\nwasmtime-wasi = "{v}"\n' if case.family == "wasmtime"
                else f'wit-bindgen = "{v}"\n')
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "golden"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n{deps}')
    for f in case.dir.glob(f"{side}*.rs"):
        rest = f.name[len(side):]
        name = "lib.rs" if rest == ".rs" else rest.lstrip(".")
        (crate / "src" / name).write_bytes(f.read_bytes())
    # `wit/` is the crate's wit/ on both sides, unless the case has `after-wit/` for the after side
    wit_dir = case.dir / "after-wit" if side == "after" and (case.dir / "after-wit").is_dir() else case.dir / "wit"
    if wit_dir.is_dir():
        shutil.copytree(wit_dir, crate / "wit")
    for f in case.dir.glob("*.wit"):
        (crate / "wit").mkdir(exist_ok=True)
        (crate / "wit" / f.name).write_bytes(f.read_bytes())
    return crate


def run_case(case: Case, crate: Path, write: bool = True):
    opts = RunOptions(targets={case.family: case.to}, from_override={case.family: case.from_},
                      only=frozenset(case.steps), step_options=dict(case.options))
    result = plan_run([crate], opts, base=crate)
    if write:
        write_all(result.changes)
    return result


def snapshot(crate: Path) -> dict[str, bytes]:
    return {p.relative_to(crate).as_posix(): p.read_bytes() for p in sorted(crate.rglob("*")) if p.is_file()}


def expected_follow_ups(case: Case) -> list[tuple[str, int, str]]:
    f = case.dir / "follow_ups.txt"
    if not f.exists():
        return []
    out = []
    for line in f.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            loc, text = line.split(": ", 1)
            file, ln = loc.rsplit(":", 1)
            out.append((file, int(ln), text.strip()))
    return out
