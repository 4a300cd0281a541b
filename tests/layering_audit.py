"""The layering rule at run time: no code of transforms/ reads the project's files.

An audit hook sees every `open`, `os.scandir` and `os.listdir` of a path under the watched
directory (a golden case's tree) and walks the Python stack outwards from it: the first frame that
is either a module of transforms/ or one of the engine's readers decides. A transform (or a helper
it called, e.g. a WIT reader in rust/) that opens a file is recorded as a violation; the engine
reading on a transform's behalf (`StepContext.wit_files`, `dependency_crates()` ->
step_inputs.py) is not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import wasm_codemod.transforms

import wasm_codemod

TRANSFORMS = Path(wasm_codemod.transforms.__file__).resolve().parent
PACKAGE = Path(wasm_codemod.__file__).resolve().parent
# the modules that read files for the steps (the engine); rust/ helpers are not among them: a
# transform that calls one reads the file itself
ENGINE_READERS = frozenset(str(PACKAGE / n) for n in (
    "step_inputs.py", "engine.py", "runner.py", "discover.py", "cargo.py", "writer.py", "bulk.py", "cli.py",
    "plan.py", "python/planner.py"))
EVENTS = frozenset({"open", "os.scandir", "os.listdir"})

# modules still reading files themselves, each with who removes it (tests/test_layering.py checks
# the list is not stale)
PENDING: dict[str, str] = {
    "wit_bindgen_0_45_default_features": "manifest hook: reads src/lib.rs for #![no_std]",
    "wit_bindgen_0_47_async_spawn": "manifest hook: rust.guest.uses_items reads the crate's .rs files",
    "wit_bindgen_0_48_async_macros": "manifest hook: reads the crate's .rs files for generate!",
}

_state: dict[str, object] = {"root": None, "found": []}


def _path(arg: object) -> str | None:
    if isinstance(arg, int):
        return None  # a file descriptor
    try:
        p = os.fsdecode(os.fspath(arg))  # type: ignore[arg-type]
    except TypeError:
        return None
    return os.path.abspath(p)


def _hook(event: str, args: tuple) -> None:
    root = _state["root"]
    if root is None or event not in EVENTS or not args:
        return
    p = _path(args[0])
    if p is None or not (p == root or p.startswith(str(root) + os.sep)):
        return
    f = sys._getframe(1)
    while f is not None:
        name = f.f_code.co_filename
        if name in ENGINE_READERS:
            return
        if name.startswith(str(TRANSFORMS) + os.sep):
            found = _state["found"]
            assert isinstance(found, list)
            found.append((Path(name).stem, event, p, f.f_lineno))
            return
        f = f.f_back


_installed = False


def watch(root: Path | None) -> None:
    """Watch reads under ``root`` (None: stop watching); an audit hook cannot be removed, only muted."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    _state["root"] = str(root.resolve()) if root is not None else None
    _state["found"] = []


def violations(include_pending: bool = False) -> list[tuple[str, str, str, int]]:
    """(module, event, path, line) of each read a transform made since ``watch``."""
    found = _state["found"]
    assert isinstance(found, list)
    return [v for v in found if include_pending or v[0] not in PENDING]
