"""Fixes from the steps' path tables: a name rustc cannot find, which a step of the plan moved.

rustc (1.95) suggests imports only of local and `std`/`core` items, never of a dependency's, so
an item that moved while it was reached through a glob (`pub use wasmtime_wasi::*` in a prelude
module, `use super::*`) is left as "cannot find type `OutputFile` in this scope". The steps'
`moves` tables know where it went: when exactly one moved item of the plan has that name, import
its path at the target in the scope of the error; a qualified path rustc cannot resolve
(`wasmtime_wasi::p2::WasiCtx`) is carried to its new path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..rust.imports import ensure_import
from ..rust.names import NameTable
from ..rust.paths import MoveChain
from ..source import EditSet, SourceError, SourceFile
from .diagnostics import BOM_LEN, CompilerError, span_matches
from .edits import Fix, TextEdit
from .rules import Scope

_IN_SCOPE = re.compile(r"^cannot find (?:\w+ )*`(?P<name>\w+)` in this scope$|"
                       r"^failed to resolve: use of undeclared type `(?P<name2>\w+)`$")
_IN_MODULE = re.compile(r"^cannot find (?:\w+ )*`(?P<name>\w+)` in (?:module|crate) `(?P<path>[\w:]+)`$")
CODES = {"E0405", "E0412", "E0422", "E0423", "E0425", "E0433", "E0531", "E0532"}


@dataclass
class MovedNames:
    """Where the plan's moved items end up: by last segment, and by full old path."""

    by_name: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # name -> {(path at target, step)}
    chain: MoveChain | None = None

    @classmethod
    def of(cls, stages: Iterable[tuple[str, dict[str, str | None]]]) -> MovedNames:
        chain = MoveChain.of(stages)
        out = cls(chain=chain)
        for item in chain.known_items():
            mapped = chain.map(item)
            if mapped.new is None or not mapped.steps or mapped.new[-1] != item[-1]:
                continue
            out.by_name.setdefault(item[-1], set()).add(("::".join(mapped.new), mapped.steps[-1]))
        return out

    def target_of(self, path: str) -> tuple[str, str] | None:
        if self.chain is None:
            return None
        mapped = self.chain.map(tuple(path.split("::")))
        if mapped.new is None or not mapped.steps:
            return None
        return "::".join(mapped.new), mapped.steps[-1]


def moved_fix(err: CompilerError, moved: MovedNames, scope: Scope, data: dict[Path, bytes]) -> Fix | None:
    p = err.primary
    if err.code not in CODES or p is None or p.in_macro or not scope.editable(p.file) or p.file not in data:
        return None
    buf = data[p.file]
    if not span_matches(p, buf):
        return None
    m = _IN_MODULE.match(err.message)
    if m:
        return _qualified(err, moved, m.group("path"), m.group("name"), buf)
    m = _IN_SCOPE.match(err.message)
    if not m:
        return None
    name = m.group("name") or m.group("name2")
    dests = {d for d in moved.by_name.get(name, ()) if d[0].split("::")[0] in scope.names}
    if len({d[0] for d in dests}) != 1:
        return None  # unknown, or several moved items share the name: a person decides
    item, step = sorted(dests)[0]
    try:
        src = SourceFile.from_bytes(str(p.file), buf)
    except SourceError:
        return None
    shift = BOM_LEN if src.bom else 0
    at = src.root.descendant_for_byte_range(p.start - shift, p.end - shift)
    if at is None:
        return None
    edits = EditSet()
    written = ensure_import(src, NameTable(src.root), edits, item, at, "fix-loop", {})
    if written != name or not edits:
        return None  # the import would not make the bare name resolve here
    out = tuple(TextEdit(e.start + shift, e.end + shift, e.text.decode("utf-8")) for e in edits.edits)
    return Fix("step", f"`{name}` moved to `{item}`: import it", p.file, out, err, step)


def _qualified(err: CompilerError, moved: MovedNames, module: str, name: str, buf: bytes) -> Fix | None:
    """`module::name` as written before the span: carried to where the plan moved it."""
    p = err.primary
    assert p is not None
    old = f"{module}::{name}"
    hit = moved.target_of(old)
    if hit is None:
        return None
    new, step = hit
    before = buf[:p.end].decode("utf-8", "replace")
    m = re.search(r"(?:\b[\w]+\s*::\s*)+" + re.escape(name) + r"$", before)
    if m is None or re.sub(r"\s+", "", m.group(0)).lstrip(":") != old:
        return None  # written through an alias or `crate::`: leave it to a person
    start = len(before[:m.start()].encode("utf-8"))
    return Fix("step", f"`{old}` moved to `{new}`", p.file, (TextEdit(start, p.end, new),), err, step)
