"""Walk the given roots and find crates, workspaces, and the files each crate owns.

Never leaves the roots: symlinked files and directories are not followed, and
``target/``, ``.git/``, ``vendor/`` and hidden directories are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli as tomllib  # TOML 1.1 (multi-line inline tables), which cargo accepts
import tomlkit

BOM = b"\xef\xbb\xbf"
SKIP_DIRS = frozenset({"target", ".git", "vendor", "node_modules", "third_party", "third-party", ".cargo"})


class Manifest:
    """A Cargo.toml: checked with the fast stdlib parser; the layout-keeping tomlkit document is
    built only when a step or a bump needs it (most manifests in a large tree never do)."""

    def __init__(self, path: Path, text: str, data: dict, bom: bool = False) -> None:
        self.path = path
        self.text = text  # without the BOM, if the file has one (cargo accepts it; so do we)
        self.bom = bom
        self.data = data  # read-only view for detection
        self.is_package = "package" in data
        self.is_workspace = "workspace" in data
        pkg = data.get("package")
        self.name = str(pkg["name"]) if isinstance(pkg, dict) and isinstance(pkg.get("name"), str) else None
        self._doc: tomlkit.TOMLDocument | None = None
        # the manifest as edited so far while no tomlkit document exists: requirement bumps are text
        # edits of a string's span (cargo.edit_string), checked by parsing the result
        self._now_text = text
        self._now_data = data
        # family crates -> their entries in ``data`` (engine.family_deps): asked by every member
        # of a workspace, and ``data`` never changes
        self.readonly_deps: dict[tuple[str, ...], list] = {}

    @property
    def doc(self) -> tomlkit.TOMLDocument:
        """The editable document (built on first use from the text edited so far); from then on
        every edit goes through it."""
        if self._doc is None:
            self._doc = tomlkit.parse(self._now_text)
        return self._doc

    @property
    def has_doc(self) -> bool:
        return self._doc is not None

    @property
    def view(self) -> Any:
        """The manifest as edited so far, for reading: the document once built, else a plain dict."""
        return self._doc if self._doc is not None else self._now_data

    def dumps(self) -> str:
        """The manifest's text as edited so far."""
        return tomlkit.dumps(self._doc) if self._doc is not None else self._now_text

    def set_string(self, path: tuple[str, ...], value: str) -> bool:
        """Set the string at ``path`` by editing its span in the text; False (nothing changed) when
        a document already exists or the text edit cannot be made safely (use ``doc`` then)."""
        if self._doc is not None:
            return False
        from .cargo import edit_string

        done = edit_string(self._now_text, self._now_data, path, value)
        if done is None:
            return False
        self._now_text, self._now_data = done
        return True

    def add_key(self, path: tuple[str, ...], key: str, value: object) -> bool:
        """Add ``key = value`` to the one-line inline table at ``path`` by a checked text edit; False
        (nothing changed) when a document exists or the edit cannot be made safely (use ``doc`` then)."""
        if self._doc is not None:
            return False
        from .cargo import edit_add_key

        done = edit_add_key(self._now_text, self._now_data, path, key, value)
        if done is None:
            return False
        self._now_text, self._now_data = done
        return True

    def reset_doc(self, text: str) -> None:
        """Throw away in-memory edits made since ``text`` was dumped."""
        self._doc = None
        self._now_text = text
        self._now_data = tomllib.loads(text)

    def mentions(self, names: tuple[str, ...]) -> bool:
        return any(n in self.text for n in names)


@dataclass
class Crate:
    dir: Path
    manifest: Manifest
    workspace_root: Manifest | None = None
    rs_files: list[Path] = field(default_factory=list)
    wit_files: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.manifest.name or self.dir.name


@dataclass
class Problem:
    path: Path
    message: str


@dataclass
class Discovery:
    roots: list[Path]
    crates: list[Crate]
    manifests: dict[Path, Manifest]
    problems: list[Problem]
    skipped_links: list[Path]
    files_seen: int = 0
    wit_files: list[Path] = field(default_factory=list)
    _by_dir: dict[Path, Crate] | None = None
    _owners: dict[Path, Crate | None] = field(default_factory=dict)

    def wit_users(self, f: Path) -> list[Crate]:
        """Crates that use a .wit file: its owning crate, else every crate of the workspace (or run) holding it."""
        if self._by_dir is None:
            self._by_dir = {c.dir: c for c in self.crates}
            self._owners = {}
        owner = _dir_owner(f.parent, self._by_dir, self._owners)
        if owner is not None:
            return [owner]
        for d in f.parents:
            m = self.manifests.get(d / "Cargo.toml")
            if m is not None and m.is_workspace:
                return [c for c in self.crates if d == c.dir or d in c.dir.parents]
        return [c for c in self.crates if any(r == c.dir or r in c.dir.parents for r in self.roots)
                and any(c.dir == r or r in f.parents for r in self.roots)]


def read_manifest(path: Path) -> Manifest:
    """Parse a Cargo.toml; raises ManifestProblem naming the file on bad input."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestProblem(path, f"cannot read it ({exc.strerror or exc}); fix its permissions") from exc
    bom = raw.startswith(BOM)
    try:
        text = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestProblem(path, f"not valid UTF-8 at byte {exc.start + (3 if bom else 0)}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ManifestProblem(path, f"TOML syntax error: {exc}; fix it and run again") from exc
    return Manifest(path, text, data, bom)


class ManifestProblem(Exception):
    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


Listings = dict[str, list[tuple[str, bool, bool]]]


def discover(roots: list[Path], listings: Listings | None = None) -> Discovery:
    """The crates, manifests, .rs and .wit files under ``roots``. ``listings``, when given, receives
    every directory's entries (the Python side walks the same tree next and reads them from it)."""
    roots = [r.resolve() for r in roots]
    manifests: dict[Path, Manifest] = {}
    problems: list[Problem] = []
    links: list[Path] = []
    rs: list[Path] = []
    wit: list[Path] = []
    seen = 0
    for root in roots:
        if root.is_file():
            _classify(root, manifests, problems, rs, wit)
            seen += 1
            continue
        def unreadable(err: OSError) -> None:
            problems.append(Problem(Path(err.filename), f"cannot read this directory ({err.strerror}); "
                                    "fix its permissions, or pass the crates beside it"))

        # depth first in sorted order, as os.walk; the symlink test comes from the directory entry
        # (no lstat per file), a Path is built only for the files kept
        stack = [root]
        while stack:
            d = stack.pop()
            entries = _entries(d, unreadable)
            if listings is not None:
                listings[str(d)] = entries
            keep = []
            for name, is_dir, is_link in entries:
                if not is_dir or name in SKIP_DIRS or name.startswith("."):
                    continue
                if is_link:
                    links.append(d / name)
                    continue
                keep.append(name)
            keep.sort()
            for name, _dir, is_link in sorted(e for e in entries if not e[1]):
                seen += 1
                if is_link:
                    if name == "Cargo.toml" or name.endswith((".rs", ".wit")):
                        links.append(d / name)
                    continue
                if name == "Cargo.toml" or name.endswith((".rs", ".wit")):
                    _classify(d / name, manifests, problems, rs, wit)
            stack.extend(d / n for n in reversed(keep))
    # Workspace roots above a given root are read (for inherited versions) but never written.
    ws_of: dict[Path, Manifest | None] = {}
    for m in list(manifests.values()):
        if m.is_package:
            ws = ws_of[m.path] = _find_workspace_root(m.path.parent, manifests, problems)
            if ws is not None and ws.path not in manifests:
                manifests[ws.path] = ws
    crates: dict[Path, Crate] = {}
    for m in manifests.values():
        if m.is_package and any(_under(m.path, r) for r in roots):
            # the same search as above gives the same manifest (a root read there is in `manifests` now)
            ws = ws_of[m.path] if m.path in ws_of else _find_workspace_root(m.path.parent, manifests, [])
            crates[m.path.parent] = Crate(m.path.parent, m, ws)
    owners: dict[Path, Crate | None] = {}  # directory -> its crate, looked up once per directory
    for f in rs:
        c = _dir_owner(f.parent, crates, owners)
        if c is not None:
            c.rs_files.append(f)
    for f in wit:
        c = _dir_owner(f.parent, crates, owners)
        if c is not None:
            c.wit_files.append(f)
    return Discovery(roots, sorted(crates.values(), key=lambda c: str(c.dir)), manifests, problems, links, seen,
                     sorted(wit))


class PathArgError(ValueError):
    """A path argument that cannot be a run's root; the message says what to pass instead."""


def root_for_argument(p: Path) -> Path:
    """The root a path argument stands for: a crate's Cargo.toml means its crate (all its files
    change together; the manifest alone would look upgraded while the sources are not)."""
    if p.is_dir():
        return p
    if p.name in ("Cargo.toml", "pyproject.toml", "setup.cfg") or (p.name.startswith("requirements")
                                                                   and p.suffix == ".txt"):
        return p.parent if str(p.parent) else Path(".")
    if p.suffix in (".rs", ".wit", ".py"):
        crate = enclosing_crate_dir(p.resolve().parent)
        hint = f"pass its crate instead: {crate}" if crate else "pass the crate directory instead"
        raise PathArgError(f"{p}: a single file cannot be upgraded alone (the crate's manifest and its other "
                           f"files change with it); {hint}")
    raise PathArgError(f"{p}: not a directory or a manifest (Cargo.toml, pyproject.toml, requirements*.txt); "
                       "pass a crate, project or repository directory")


def enclosing_crate_dir(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` with a Cargo.toml, as cargo looks for one."""
    start = start.resolve()
    for d in [start, *start.parents]:
        if (d / "Cargo.toml").is_file():
            return d
    return None


def _classify(p: Path, manifests: dict[Path, Manifest], problems: list[Problem], rs: list[Path],
              wit: list[Path]) -> None:
    if p.name == "Cargo.toml":
        try:
            manifests[p] = read_manifest(p)
        except ManifestProblem as exc:
            problems.append(Problem(p, exc.message))
    elif p.suffix == ".rs":
        rs.append(p)
    elif p.suffix == ".wit":
        wit.append(p)


def _entries(d: Path, onerror: Callable[[OSError], None]) -> list[tuple[str, bool, bool]]:
    """(name, is a directory (following links, as os.walk sorts them), is a symlink) per entry."""
    try:
        with os.scandir(d) as it:
            raw = list(it)
    except OSError as err:
        onerror(err)
        return []
    out = []
    for e in raw:
        try:
            is_dir = e.is_dir()
        except OSError:
            is_dir = False
        try:
            is_link = e.is_symlink()
        except OSError:
            is_link = False
        out.append((e.name, is_dir, is_link))
    return out


def _under(p: Path, root: Path) -> bool:
    return p == root or root in p.parents


def _dir_owner(d: Path, crates: dict[Path, Crate], memo: dict[Path, Crate | None]) -> Crate | None:
    """The crate owning the files of directory ``d``: the nearest crate directory at or above it
    (``memo`` keeps every directory's answer: most files share their directory's)."""
    todo = []
    while d not in memo:
        if d in crates:
            memo[d] = crates[d]
            break
        todo.append(d)
        if d.parent == d:
            memo[d] = None
            break
        d = d.parent
    found = memo[d]
    for t in todo:
        memo[t] = found
    return found


def _find_workspace_root(start: Path, manifests: dict[Path, Manifest], problems: list[Problem]) -> Manifest | None:
    for d in [start, *start.parents]:
        p = d / "Cargo.toml"
        m = manifests.get(p)
        if m is None and p.is_file():
            try:
                m = read_manifest(p)
            except ManifestProblem as exc:
                problems.append(Problem(p, exc.message))
                return None
        if m is not None and m.is_workspace:
            return m
    return None
