"""What the engine reads for steps beyond a crate's own loaded files (`transform.CrateInputs`): the
sources of its path dependencies and the WIT files its macros name.

Steps never open files (tests/test_layering.py checks it): they ask their context, and the reads
happen here, once per run (planning a workspace asks for the same dependency and WIT tree from
every member crate). Planning reads the tree as it is on disk: edits are only written after it,
and a crate's plan never sees another crate's pending edits, with or without `--jobs`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .discover import Crate
from .source import SourceError, SourceFile
from .transform import CrateInputs, DependencyCrate, RustUnit, WitFile


class RunInputs:
    """The read-once store of one planning run; ``for_crate`` gives a crate's view of it."""

    def __init__(self, by_dir: dict[Path, Crate], rel: Callable[[Path], str], base: Path | None = None) -> None:
        self._by_dir = by_dir
        self._rel = rel
        self._base = base
        self._wit: dict[Path, list[WitFile] | None] = {}
        self._sources: dict[Path, dict[str, RustUnit]] = {}
        self._deps: dict[Path, list[DependencyCrate]] = {}

    def for_crate(self, crate: Crate) -> CrateInputs:
        return CrateInputs(crate.dir, lambda: self.dependencies(crate), self.wit_files, self.display)

    # -- path dependencies ---------------------------------------------------------------
    def dependencies(self, crate: Crate) -> list[DependencyCrate]:
        """The run's crates named by `path` in ``crate``'s `[dependencies]` (through `workspace = true`
        entries of its workspace root), in manifest order."""
        key = crate.dir
        if key not in self._deps:
            out = []
            for dep, name in _path_dependencies(crate, self._by_dir):
                out.append(DependencyCrate(name, lambda d=dep: list(self._src_units(d).values()),
                                           lambda inner, d=dep: self._src_units(d).get(inner)))
            self._deps[key] = out
        return self._deps[key]

    def _src_units(self, crate: Crate) -> dict[str, RustUnit]:
        """``crate``'s .rs files under `src/` by their path in the crate (`src/lib.rs`), read-only."""
        if crate.dir not in self._sources:
            src = crate.dir / "src"
            out: dict[str, RustUnit] = {}
            for f in sorted(f for f in crate.rs_files if src in f.parents):
                try:
                    sf = SourceFile.from_bytes(self._rel(f), f.read_bytes())
                except (OSError, SourceError):
                    continue  # a lookup source only: what cannot be read is not looked at
                u = RustUnit(self._rel(f), sf)
                u.abs_path = f  # type: ignore[attr-defined]
                out[f.relative_to(crate.dir).as_posix()] = u
            self._sources[crate.dir] = out
        return self._sources[crate.dir]

    # -- WIT -----------------------------------------------------------------------------
    def wit_files(self, path: Path) -> list[WitFile] | None:
        """The .wit files at ``path``: the file itself (whatever its name), or a directory's .wit
        files at any depth in path order; None when nothing is there."""
        if path not in self._wit:
            self._wit[path] = _read_wit(path)
        return self._wit[path]

    def display(self, path: Path) -> str | None:
        """``path`` as the run's reports name files (relative to the run's base); None outside it."""
        r = self._rel(path.resolve()).replace(os.sep, "/")
        return None if r.startswith("..") else r.rstrip("/")


def _read_wit(path: Path) -> list[WitFile] | None:
    if path.is_file():
        files = [(path, path.name)]
    elif path.is_dir():
        files = [(f, f.relative_to(path).as_posix()) for f in sorted(path.rglob("*.wit")) if f.is_file()]
    else:
        return None
    out = []
    for f, inner in files:
        try:
            out.append(WitFile(f, inner, f.read_bytes()))
        except OSError:
            continue
    return out


def _path_dependencies(crate: Crate, by_dir: dict[Path, Crate]) -> list[tuple[Crate, str]]:
    """(crate, Rust name) of the `path` entries of ``crate``'s `[dependencies]` that are crates of the run."""
    ws: dict = {}
    ws_base = None
    if crate.workspace_root is not None:
        w = crate.workspace_root.data.get("workspace")
        ws = w.get("dependencies", {}) if isinstance(w, dict) else {}
        ws_base = crate.workspace_root.path.parent
    deps = crate.manifest.data.get("dependencies", {})
    out = []
    for key, item in deps.items() if isinstance(deps, dict) else ():
        base = crate.dir
        if isinstance(item, dict) and item.get("workspace") is True and key in ws and ws_base is not None:
            item, base = ws[key], ws_base
        if isinstance(item, dict) and "path" in item:
            dep = by_dir.get((base / str(item["path"])).resolve())
            if dep is not None and dep is not crate:
                out.append((dep, str(item.get("package", key)).replace("-", "_")))
    return out
