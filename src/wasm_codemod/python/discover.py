"""Python projects under the given roots: a directory with pyproject.toml, setup.cfg, setup.py or a
requirements file owns the .py and .wit files below it (down to the next such directory).

Same walking rules as the Rust side: symlinks are not followed; virtualenvs, build output and
hidden directories are skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..discover import SKIP_DIRS, Listings
from .manifests import LOCK_FILES

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


def _suffix(name: str) -> str:
    """``Path(name).suffix`` without building a Path (this runs for every file of the tree)."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _is_requirements(name: str, parent: str) -> bool:
    """``manifests.is_requirements_file`` on a name and its directory's name."""
    return _suffix(name) in (".txt", ".in") and (name.startswith("requirements") or parent == "requirements")


def _is_project_dir(d: Path, files: list[str], dirs: list[str]) -> bool:
    if d.name == "requirements":
        return False  # requirements/*.txt belong to the project above
    if any(f in MARKERS for f in files) or any(_is_requirements(f, d.name) for f in files):
        return True
    # a componentize-py guest often has no manifest at all: app.py beside wit/
    return "wit" in dirs and any(f.endswith(".py") for f in files)


def _kind(name: str, parent: str) -> str | None:
    if name in MARKERS or _is_requirements(name, parent):
        return "manifest"
    if name in LOCK_FILES:
        return "lock"
    suffix = _suffix(name)
    if suffix == ".py":
        return "py"
    if suffix == ".wit":
        return "wit"
    if name in BUILD_NAMES or suffix in BUILD_SUFFIXES:
        return "build"
    return None


def _scan(dirpath: str, listings: Listings | None = None) -> tuple[list[str], list[str]]:
    """(directory names, file names) of one directory, symlinks left out, sorted; what `os.walk`
    gives, with the symlink test read from the directory entry instead of one lstat per file
    (``listings``: the entries the Rust side's walk of this run already read)."""
    known = listings.get(dirpath) if listings is not None else None
    if known is not None:
        return (sorted(n for n, is_dir, is_link in known if is_dir and not is_link),
                sorted(n for n, is_dir, is_link in known if not is_dir and not is_link))
    try:
        with os.scandir(dirpath) as it:
            entries = list(it)
    except OSError:
        return [], []  # os.walk without onerror skips unreadable directories too
    dirs: list[str] = []
    files: list[str] = []
    for e in entries:
        try:
            is_dir = e.is_dir()
        except OSError:
            is_dir = False
        if e.is_symlink():
            continue
        (dirs if is_dir else files).append(e.name)
    dirs.sort()
    files.sort()
    return dirs, files


def _may_hold_a_project(listings: Listings) -> bool:
    """Does some directory the Rust side's walk listed look like a Python project's (`_is_project_dir`)?
    The Python walk visits only directories that walk listed (it skips more), so False means none."""
    for dpath, entries in listings.items():
        parent = os.path.basename(dpath)
        has_py = has_wit = False
        for name, is_dir, is_link in entries:
            if is_link:
                continue
            if is_dir:
                has_wit = has_wit or name == "wit"
            elif name in MARKERS or _is_requirements(name, parent):
                return True
            else:
                has_py = has_py or name.endswith(".py")
        if has_py and has_wit:
            return True
    return False


def discover_python(roots: list[Path], listings: Listings | None = None) -> list[PyProject]:
    roots = [r.resolve() for r in roots]
    if (listings is not None and not any(r.is_file() for r in roots)
            and all(str(r) in listings for r in roots) and not _may_hold_a_project(listings)):
        return []  # a Rust-only tree: no directory of it is a project's (the walk below finds none)
    projects: dict[Path, PyProject] = {}
    # (file, kind, its root, owner found on the way down) to attach once every root is walked
    loose: list[tuple[Path, str, Path, PyProject | None]] = []
    for root in roots:
        if root.is_file():
            root = root.parent
        # depth first, in sorted order, as os.walk; the nearest project directory above a file is
        # carried down (a directory's kind depends only on its own entries)
        stack: list[tuple[Path, PyProject | None]] = [(root, None)]
        while stack:
            d, owner = stack.pop()
            dpath = str(d)
            dirnames, filenames = _scan(dpath, listings)
            dirnames = [n for n in dirnames if n not in PY_SKIP_DIRS and not n.startswith(".")
                        and not os.path.exists(os.path.join(dpath, n, "pyvenv.cfg"))]
            # .rs files are none of a Python project's kinds (most of a Rust tree)
            files = [f for f in filenames if not f.endswith(".rs")]
            if d not in projects and _is_project_dir(d, files, dirnames):
                projects[d] = PyProject(d)
            owner = projects.get(d, owner)
            for f in files:
                kind = _kind(f, d.name)
                if kind is not None:
                    loose.append((d / f, kind, root, owner))
            stack.extend((d / n, owner) for n in reversed(dirnames))
    if not projects:
        return []  # a Rust-only tree: nothing to attach its loose files to
    seen: dict[int, set[Path]] = {}
    above: dict[Path, PyProject | None] = {}
    for p, kind, root, found in loose:
        # nothing found from the file's own root down: a project of another root above it may own it
        if found is None and root not in above:
            above[root] = next((projects[d] for d in root.parents if d in projects), None)
        owner = found or above[root]
        if owner is None:
            continue
        bucket = {"manifest": owner.manifests, "lock": owner.locks, "py": owner.py_files, "wit": owner.wit_files,
                  "build": owner.build_files}[kind]
        have = seen.setdefault(id(bucket), set())
        if p not in have:
            have.add(p)
            bucket.append(p)
    return sorted(projects.values(), key=lambda p: str(p.dir))
