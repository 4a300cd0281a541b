"""Python projects under the given roots: a directory with pyproject.toml, setup.cfg, setup.py or a
requirements file owns the .py and .wit files below it (down to the next such directory).

Same walking rules as the Rust side: symlinks are not followed; virtualenvs, build output and
hidden directories are skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..discover import SKIP_DIRS
from .manifests import LOCK_FILES, is_requirements_file

PY_SKIP_DIRS = SKIP_DIRS | frozenset({"venv", "env", "site-packages", "__pycache__", "build", "dist"})
MARKERS = ("pyproject.toml", "setup.cfg", "setup.py")
# files a step may read for build commands (`python -m wasmtime.bindgen`, `componentize-py --world-module`)
BUILD_NAMES = frozenset({"Makefile", "makefile", "GNUmakefile", "justfile", "Justfile", "tox.ini", "Dockerfile"})
BUILD_SUFFIXES = (".sh", ".mk", ".just", ".yml", ".yaml")


@dataclass
class PyProject:
    dir: Path
    manifests: list[Path] = field(default_factory=list)  # pyproject.toml, setup.cfg, setup.py, requirements
    locks: list[Path] = field(default_factory=list)
    py_files: list[Path] = field(default_factory=list)
    wit_files: list[Path] = field(default_factory=list)
    build_files: list[Path] = field(default_factory=list)
    name: str = ""

    @property
    def display_name(self) -> str:
        return self.name or self.dir.name


def _is_project_dir(d: Path, files: list[str], dirs: list[str]) -> bool:
    if d.name == "requirements":
        return False  # requirements/*.txt belong to the project above
    if any(f in MARKERS for f in files) or any(is_requirements_file(d / f) for f in files):
        return True
    # a componentize-py guest often has no manifest at all: app.py beside wit/
    return "wit" in dirs and any(f.endswith(".py") for f in files)


def discover_python(roots: list[Path]) -> list[PyProject]:
    projects: dict[Path, PyProject] = {}
    loose: list[tuple[Path, str]] = []  # (file, kind) to attach to the nearest project afterwards
    for root in (r.resolve() for r in roots):
        if root.is_file():
            root = root.parent
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            d = Path(dirpath)
            dirnames[:] = sorted(n for n in dirnames if n not in PY_SKIP_DIRS and not n.startswith(".")
                                 and not (d / n).is_symlink() and not (d / n / "pyvenv.cfg").exists())
            # .rs files are none of a Python project's kinds: no stat for them (most of a Rust tree)
            files = sorted(f for f in filenames if not f.endswith(".rs") and not (d / f).is_symlink())
            if _is_project_dir(d, files, dirnames) and d not in projects:
                projects[d] = PyProject(d)
            for f in files:
                p = d / f
                if f in MARKERS or is_requirements_file(p):
                    loose.append((p, "manifest"))
                elif f in LOCK_FILES:
                    loose.append((p, "lock"))
                elif p.suffix == ".py":
                    loose.append((p, "py"))
                elif p.suffix == ".wit":
                    loose.append((p, "wit"))
                elif f in BUILD_NAMES or p.suffix in BUILD_SUFFIXES:
                    loose.append((p, "build"))
    if not projects:
        return []  # a Rust-only tree: nothing to attach its loose files to
    for p, kind in loose:
        owner = next((projects[d] for d in p.parents if d in projects), None)
        if owner is None:
            continue
        bucket = {"manifest": owner.manifests, "lock": owner.locks, "py": owner.py_files, "wit": owner.wit_files,
                  "build": owner.build_files}[kind]
        if p not in bucket:
            bucket.append(p)
    return sorted(projects.values(), key=lambda p: str(p.dir))
