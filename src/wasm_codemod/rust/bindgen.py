"""Helpers for steps that edit the options of `wasmtime::component::bindgen!`.

- `wasmtime_bindgen_calls`: the `bindgen!` invocations that really are wasmtime's (a
  `macro_rules! bindgen` of the user, or another crate's `bindgen!`, is left alone).
- `WitWorld`: the functions a world imports, read from the crate's .wit files, so names
  from the old list options (`trappable_imports: ["f"]`) can be written as selectors.
- `dotted_selector`: the 39+ spelling of a selector (`ns:pkg/iface/item` -> `ns:pkg/iface.item`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tree_sitter import Node

from ..transform import WitFile, crate_dir, is_wit_file  # noqa: F401  (crate_dir: re-exported for steps)
from ..wit import Token, iter_significant, may_define_world, significant, tokenize
from .macro_options import MacroOptions, parse_options
from .names import path_of
from .parse import text, walk_types

BINDGEN = ("wasmtime", "component", "bindgen")


def _user_macro_files(units) -> set[str]:
    out = set()
    for u in units:
        if b"macro_rules!" not in u.src.data:
            continue
        for n in walk_types(u.src.root, ("macro_definition",)):
            if n.type == "macro_definition":
                name = n.child_by_field_name("name")
                if name is not None and text(name) == "bindgen":
                    out.add(u.path)
    return out


def wasmtime_bindgen_calls(ctx, unsure: list | None = None) -> list[tuple[object, Node, MacroOptions | None]]:
    """`(unit, macro node, parsed options)` of every `wasmtime::component::bindgen!` call.

    A bare `bindgen!` counts only when `bindgen` is imported from `wasmtime::component` (by name
    or glob) and the file defines no `macro_rules! bindgen` (textual macro scope would win).
    Calls whose `bindgen` comes through a crate-local path (`use super::bindgen;`) cannot be told
    apart from a user macro; they go to ``unsure`` as `(unit, node, options)`.
    """
    user_files = _user_macro_files(ctx.units)
    out = []
    for unit, node in ctx.macro_calls({"bindgen"}):
        m = node.child_by_field_name("macro")
        segs = path_of(m) if m is not None else None
        if segs is None:
            continue
        if len(segs) == 1:
            if unit.path in user_files:
                continue
            full = unit.names.resolve(segs, node, {BINDGEN})
        else:
            full = unit.names.resolve(segs, node)
        if tuple(full) != BINDGEN:
            if unsure is not None and len(full) > 1 and full[0] in ("super", "crate", "self"):
                unsure.append((unit, node, parse_options(unit.src, node)))
            continue
        out.append((unit, node, parse_options(unit.src, node)))
    return out


# -- flags --------------------------------------------------------------------------

FLAG_ORDER = ("async", "store", "trappable", "tracing", "verbose_tracing", "ignore_wit", "exact")


def format_flags(flags: set[str]) -> str:
    return " | ".join(f for f in FLAG_ORDER if f in flags)


def parse_flags(expr: str) -> set[str]:
    return {p.strip() for p in expr.split("|") if p.strip()}


# -- selectors (E39.1) ----------------------------------------------------------------

# `ns:pkg/iface[@ver]/item` or, for an interface named only in its world, `name/item`
_SLASHED = re.compile(r"^(?P<head>[^/\s\"]+:[^/\s\"]+/[^/\s\"]+|[^/:\s\"]+)/(?P<item>[^/\s\"]+)$")


def dotted_selector(s: str) -> str | None:
    """The 39+ spelling of a 36-38 item selector, or None when ``s`` names no interface member."""
    m = _SLASHED.match(s)
    if m is None:
        return None
    return f"{m.group('head')}.{m.group('item')}"


# -- WIT --------------------------------------------------------------------------------


@dataclass
class WitInterface:
    pkg: str  # "ns:pkg" (no version)
    version: str  # "" or "@1.0.0"
    name: str | None  # None for an inline world import
    funcs: list[str] = field(default_factory=list)  # WIT-level names: "f", "[method]r.m", "[drop]r"
    uses: list[str] = field(default_factory=list)  # ids "ns:pkg/iface" of `use`d interfaces

    @property
    def id(self) -> str:
        return f"{self.pkg}/{self.name}"


@dataclass
class WitWorldDef:
    pkg: str
    name: str
    # ("func", name) | ("iface", id) | ("inline", (name, WitInterface))
    imports: list[tuple[str, object]] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)  # world ids
    uses: list[str] = field(default_factory=list)
    exports: bool = False  # the world itself has an `export` item


@dataclass
class WitPackageSet:
    interfaces: dict[str, WitInterface] = field(default_factory=dict)  # id -> interface
    worlds: dict[str, WitWorldDef] = field(default_factory=dict)  # "ns:pkg/world" -> world
    main_pkgs: set[str] = field(default_factory=set)


def _name(t: Token) -> str:
    return t.text[1:] if t.kind == "explicit" else t.text


def _skip_group(toks: list[Token], i: int, open_: str, close: str) -> int:
    """``toks[i]`` is ``open_``; return the index after its matching ``close``."""
    depth = 0
    while i < len(toks):
        if toks[i].text == open_:
            depth += 1
        elif toks[i].text == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _items(toks: list[Token], i: int, end: int) -> list[tuple[int, int]]:
    """Split ``toks[i:end]`` into items ending at `;` or at a closing `}` (plus an optional `;`)."""
    out = []
    start = i
    while i < end:
        t = toks[i]
        if t.kind == "version" and i + 1 < end and toks[i + 1].text == "(":
            at_start = start == i
            i = _skip_group(toks, i + 1, "(", ")")  # feature gate `@since(...)`
            if at_start:
                start = i
            continue
        if t.text == "{":
            i = _skip_group(toks, i, "{", "}")
            if i < end and toks[i].text == ";":
                i += 1
            out.append((start, i))
            start = i
            continue
        if t.text == "(":
            i = _skip_group(toks, i, "(", ")")
            continue
        if t.text == ";":
            out.append((start, i + 1))
            start = i + 1
        i += 1
    return out


def _iface_ref(toks: list[Token], pkg: str, version: str) -> tuple[str, str] | None:
    """`name` or `ns:pkg/name[@v]` -> (id without version, version)."""
    names = [t for t in toks if t.kind in ("id", "explicit")]
    ver = next((t.text for t in toks if t.kind == "version"), "").rstrip(".")  # `@1.0.0.{a, b}`
    if any(t.text == ":" for t in toks) and any(t.text == "/" for t in toks) and len(names) >= 3:
        return f"{_name(names[0])}:{_name(names[1])}/{_name(names[2])}", ver
    if len(names) == 1:
        return f"{pkg}/{_name(names[0])}", version
    return None


def _parse_iface_body(toks: list[Token], a: int, b: int, iface: WitInterface) -> None:
    for s, e in _items(toks, a, b):
        it = toks[s:e]
        if not it:
            continue
        head = it[0].text
        if head == "use":
            # `use path.{a, b};`
            path = []
            for t in it[1:]:
                if t.text in (".", "{"):
                    break
                path.append(t)
            ref = _iface_ref(path, iface.pkg, iface.version)
            if ref:
                iface.uses.append(ref[0] + ref[1])
        elif head == "resource" and len(it) >= 2:
            r = _name(it[1])
            iface.funcs.append(f"[drop]{r}")
            if len(it) > 2 and it[2].text == "{":
                inner_end = _skip_group(it, 2, "{", "}") - 1
                for rs, re_ in _items(it, 3, inner_end):
                    m = it[rs:re_]
                    if not m:
                        continue
                    if m[0].text == "constructor":
                        iface.funcs.append(f"[constructor]{r}")
                    elif len(m) >= 3 and m[1].text == ":":
                        kinds = {t.text for t in m[2:4]}
                        prefix = "[static]" if "static" in kinds else "[method]"
                        iface.funcs.append(f"{prefix}{r}.{_name(m[0])}")
        elif len(it) >= 3 and it[1].text == ":" and it[0].kind in ("id", "explicit") and (
                it[2].text == "func" or (it[2].text == "async" and len(it) > 3 and it[3].text == "func")):
            iface.funcs.append(_name(it[0]))


def package_of(data: bytes) -> tuple[str, str] | None:
    """The file's top `package ns:pkg@v;` as ("ns:pkg", "@v"), or None."""
    return _package_of(data)


@lru_cache(maxsize=1024)
def _package_of(data: bytes) -> tuple[str, str] | None:
    # the first `package a:b` of the file, lexed only up to it (a file's own is its first tokens);
    # a token is looked at once it has the four that may follow it
    if b"package" not in data:
        return None  # (a wasi `types.wit` has none: its package line is in another file)
    toks: list[Token] = []
    for t in iter_significant(data):
        toks.append(t)
        if len(toks) >= 5 and _package_at(toks, len(toks) - 5):
            return _package_found(toks, len(toks) - 5)
    for i in range(max(0, len(toks) - 4), len(toks)):
        if _package_at(toks, i):
            return _package_found(toks, i)
    return None


def _package_at(toks: list[Token], i: int) -> bool:
    return toks[i].text == "package" and i + 3 < len(toks) and toks[i + 2].text == ":"


def _package_found(toks: list[Token], i: int) -> tuple[str, str]:
    version = toks[i + 4].text if i + 4 < len(toks) and toks[i + 4].kind == "version" else ""
    return f"{_name(toks[i + 1])}:{_name(toks[i + 3])}", version


def parse_wit(data: bytes, sink: WitPackageSet, main: bool, default: tuple[str, str] | None = None) -> None:
    """``default``: the package of the file's directory, for files that declare none (a WIT package is a
    directory; one file of it may carry the `package` line for all)."""
    # the same files come with each bindgen! of each crate: one file's items are parsed once (the
    # sink is only written to, so adding a parsed file's part in order is the same as parsing it here)
    part = _parse_file(data, main, default)
    sink.main_pkgs.update(part.main_pkgs)
    sink.interfaces.update(part.interfaces)
    sink.worlds.update(part.worlds)


@lru_cache(maxsize=1024)
def _parse_file(data: bytes, main: bool, default: tuple[str, str] | None) -> WitPackageSet:
    sink = WitPackageSet()
    toks = significant(tokenize(data))
    pkg, version = default or ("", "")
    # `package ns:pkg@v;` at the top
    for i, t in enumerate(toks):
        if t.text == "package" and i + 3 < len(toks) and toks[i + 2].text == ":":
            pkg = f"{_name(toks[i + 1])}:{_name(toks[i + 3])}"
            version = toks[i + 4].text if i + 4 < len(toks) and toks[i + 4].kind == "version" else ""
            break
    if main and pkg:
        sink.main_pkgs.add(pkg)
    _parse_top(toks, 0, len(toks), pkg, version, sink, main)
    return sink


def _parse_top(toks, a, b, pkg, version, sink: WitPackageSet, main: bool) -> None:
    for s, e in _items(toks, a, b):
        it = toks[s:e]
        if not it:
            continue
        if it[0].text == "package" and it[-1].text == "}":
            # nested `package ns:pkg@v { ... }`
            p = f"{_name(it[1])}:{_name(it[3])}" if len(it) > 3 else pkg
            v = it[4].text if len(it) > 4 and it[4].kind == "version" else ""
            open_i = next(k for k, t in enumerate(it) if t.text == "{")
            _parse_top(it, open_i + 1, len(it) - 1, p, v, sink, False)
            continue
        if it[0].text == "interface" and len(it) > 2 and it[2].text == "{":
            iface = WitInterface(pkg, version, _name(it[1]))
            _parse_iface_body(it, 3, len(it) - 1, iface)
            sink.interfaces[iface.id] = iface
            if version:  # several versions of a package side by side (wit/deps/io-2023-10-18, ...)
                sink.interfaces[iface.id + version] = iface
        elif it[0].text == "world" and len(it) > 2 and it[2].text == "{":
            w = WitWorldDef(pkg, _name(it[1]))
            for ws, we in _items(it, 3, len(it) - 1):
                m = it[ws:we]
                if not m:
                    continue
                if m[0].text == "import" and len(m) > 1:
                    if len(m) > 3 and m[2].text == ":" and m[3].text in ("func", "async"):
                        w.imports.append(("func", _name(m[1])))
                    elif len(m) > 3 and m[2].text == ":" and m[3].text == "interface":
                        inline = WitInterface(pkg, version, None)
                        _parse_iface_body(m, 5, len(m) - (2 if m[-1].text == ";" else 1), inline)
                        w.imports.append(("inline", (_name(m[1]), inline)))
                    else:
                        ref = _iface_ref([t for t in m[1:] if t.text != ";"], pkg, version)
                        if ref:
                            w.imports.append(("iface", ref[0] + ref[1]))
                elif m[0].text == "export":
                    w.exports = True
                elif m[0].text == "include":
                    ref = _iface_ref([t for t in m[1:] if t.text != ";"], pkg, version)
                    if ref:
                        w.includes.append(ref[0] + ref[1])
                elif m[0].text == "use":
                    path = []
                    for t in m[1:]:
                        if t.text in (".", "{"):
                            break
                        path.append(t)
                    ref = _iface_ref(path, pkg, version)
                    if ref:
                        w.uses.append(ref[0] + ref[1])
            sink.worlds[f"{pkg}/{w.name}"] = w
            if version:
                sink.worlds[f"{pkg}/{w.name}{version}"] = w


def load_wit(paths: list[Path]) -> WitPackageSet:
    """The WIT packages of a bindgen!'s paths. Read-only for callers: the same files give the same
    (shared) set, parsed once per run (each bindgen! site of each step asked again: 6% of a run).
    It reads the files: steps use `wit_set` over `ctx.wit_files` instead (tests/test_layering.py)."""
    read: list[tuple[Path, Path | None, list[tuple[Path, bytes]]]] = []  # (path, dir or None, files)
    for p in paths:
        if p.is_file():
            read.append((p, None, [(p, p.read_bytes())]))
        elif p.is_dir():
            read.append((p, p, [(f, f.read_bytes()) for f in sorted(p.rglob("*.wit"))]))
    return _wit_set(read)


def wit_set(paths: list[Path], wit_files: Callable[[Path], list[WitFile] | None]) -> WitPackageSet:
    """`load_wit` over the files the engine read (``wit_files``: `StepContext.wit_files`)."""
    return _wit_set(_engine_read(paths, wit_files))


def wit_worlds(paths: list[Path], wit_files: Callable[[Path], list[WitFile] | None]) -> WitPackageSet:
    """`wit_set` without the interfaces: its worlds and main packages (for `select_world` and
    `world_exports`). A file with no `world name {` outside comments defines none, and is not lexed
    past its `package` line."""
    return _wit_set(_engine_read(paths, wit_files), mode="worlds")


def wit_imports(paths: list[Path], wit_files: Callable[[Path], list[WitFile] | None]) -> WitPackageSet:
    """`wit_set` for `imported_functions`: the worlds of `wit_worlds`, and interfaces read when asked
    for (``interfaces.get(id)``: only the files that spell the interface's name are parsed; a wasi
    `deps` tree holds dozens that a world never imports)."""
    return _wit_set(_engine_read(paths, wit_files), mode="lazy")


def _engine_read(paths: list[Path], wit_files: Callable[[Path], list[WitFile] | None]
                 ) -> list[tuple[Path, Path | None, list[tuple[Path, bytes]]]]:
    read: list[tuple[Path, Path | None, list[tuple[Path, bytes]]]] = []
    for p in paths:
        files = wit_files(p)
        if files is None:
            continue
        if is_wit_file(files, p):
            read.append((p, None, [(p, files[0].data)]))
        else:
            read.append((p, p, [(f.path, f.data) for f in files]))
    return read


# a file as parse_wit reads it: (text, is it a main file, the package of its directory)
_Ordered = list[tuple[bytes, bool, "tuple[str, str] | None"]]


def _in_parse_order(read: list[tuple[Path, Path | None, list[tuple[Path, bytes]]]]) -> _Ordered:
    out: _Ordered = []
    for p, d, files in read:
        if d is None:
            out.append((files[0][1], True, None))
            continue
        dir_pkg: dict[Path, tuple[str, str]] = {}
        for f, data in files:
            if f.parent not in dir_pkg:
                found = package_of(data)
                if found is not None:
                    dir_pkg[f.parent] = found
        for f, data in files:
            out.append((data, "deps" not in f.relative_to(p).parts, dir_pkg.get(f.parent)))
    return out


class _LazyInterfaces(dict):
    """`WitPackageSet.interfaces` parsed on demand: ``get(id)`` gives what parsing every file in order
    into one dict gives (the last file that defines ``id`` wins), parsing only the files that spell
    the interface's name. It holds the ids asked for so far."""

    def __init__(self, files: _Ordered) -> None:
        super().__init__()
        self._files = files
        self._absent: set[str] = set()

    def get(self, key: str, default: WitInterface | None = None) -> WitInterface | None:  # type: ignore[override]
        if key in self:
            return self[key]
        if key in self._absent:
            return default
        # an interface named `n` is written `interface n {` or `interface %n {`: its file spells `n`
        name = key.split("/", 1)[-1].split("@", 1)[0].encode()
        for data, main, default_pkg in reversed(self._files):
            if name and name not in data:
                continue
            hit = _parse_file(data, main, default_pkg).interfaces.get(key)
            if hit is not None:
                self[key] = hit
                return hit
        self._absent.add(key)
        return default


def _wit_set(read: list[tuple[Path, Path | None, list[tuple[Path, bytes]]]], mode: str = "full") -> WitPackageSet:
    """``mode``: "full" (every file parsed), "worlds" (no interfaces: files without a world are not
    lexed past their package line), "lazy" (those worlds, interfaces on demand)."""
    key = (mode, tuple((p, d is None, tuple(files)) for p, d, files in read))
    cached = _WIT_SETS.get(key)
    if cached is not None:
        return cached
    sink = WitPackageSet()
    ordered = _in_parse_order(read)
    for data, main, default in ordered:
        if mode != "full" and not may_define_world(data):
            # what parse_wit would add of it besides interfaces: the package, if the file is a main one
            pkg = (package_of(data) or default) if main else None
            if pkg and pkg[0]:
                sink.main_pkgs.add(pkg[0])
            continue
        parse_wit(data, sink, main, default)
    if mode == "lazy":
        sink = WitPackageSet(_LazyInterfaces(ordered), sink.worlds, sink.main_pkgs)
    if len(_WIT_SETS) >= 64:
        _WIT_SETS.clear()
    _WIT_SETS[key] = sink
    return sink


# (paths, their files and contents) -> the parsed set
_WIT_SETS: dict[tuple, WitPackageSet] = {}


@dataclass
class ImportedFunc:
    prefix: str | None  # "ns:pkg/iface" (interface), "name" (inline import), None (world function)
    name: str  # WIT name, e.g. "log" or "[method]r.get"

    def selector(self, sep: str) -> str:
        return self.name if self.prefix is None else f"{self.prefix}{sep}{self.name}"

    @property
    def world_level(self) -> bool:
        """A function imported by the world itself: its selector needs `exact` (else it also names a package)."""
        return self.prefix is None


def select_world(ws: WitPackageSet, world: str | None) -> WitWorldDef | None:
    if world:
        base = world.split("@", 1)[0]
        if "/" in base:
            return ws.worlds.get(world) or ws.worlds.get(base)
        cands = _unique([w for k, w in ws.worlds.items() if w.name == base and w.pkg in ws.main_pkgs])
        cands = cands or _unique([w for w in ws.worlds.values() if w.name == base])
        return cands[0] if len(cands) == 1 else None
    cands = _unique([w for w in ws.worlds.values() if w.pkg in ws.main_pkgs])
    return cands[0] if len(cands) == 1 else None


def _unique(worlds: list[WitWorldDef]) -> list[WitWorldDef]:
    """A versioned world is stored under two keys (with and without its version): count it once."""
    return list({id(w): w for w in worlds}.values())


def imported_functions(ws: WitPackageSet, world: WitWorldDef) -> list[ImportedFunc]:
    out: list[ImportedFunc] = []
    seen_ifaces: set[str] = set()
    seen_worlds: set[str] = set()

    def add_iface(iid: str) -> None:
        if iid in seen_ifaces:
            return
        seen_ifaces.add(iid)
        # a versioned reference finds that version; one without (or an unknown version) any
        iface = ws.interfaces.get(iid) or ws.interfaces.get(iid.split("@", 1)[0])
        if iface is None:
            return
        for u in iface.uses:
            add_iface(u)
        out.extend(ImportedFunc(iface.id, f) for f in iface.funcs)

    def add_world(w: WitWorldDef) -> None:
        key = f"{w.pkg}/{w.name}@{id(w)}"
        if key in seen_worlds:
            return
        seen_worlds.add(key)
        for u in w.uses:
            add_iface(u)
        for kind, val in w.imports:
            if kind == "func":
                out.append(ImportedFunc(None, val))
            elif kind == "iface":
                add_iface(val)
            else:
                name, inline = val
                for u in inline.uses:
                    add_iface(u)
                out.extend(ImportedFunc(name, f) for f in inline.funcs)
        for inc in w.includes:
            other = ws.worlds.get(inc) or ws.worlds.get(inc.split("@", 1)[0])
            if other is not None:
                add_world(other)

    add_world(world)
    return out




def world_exports(ws: WitPackageSet, world: WitWorldDef) -> bool | None:
    """Does the world (with its includes) export anything? None when an include could not be found."""
    seen: set[int] = set()

    def go(w: WitWorldDef) -> bool | None:
        if id(w) in seen:
            return False
        seen.add(id(w))
        if w.exports:
            return True
        unknown = False
        for inc in w.includes:
            other = ws.worlds.get(inc) or ws.worlds.get(inc.split("@", 1)[0])
            r = go(other) if other is not None else None
            if r:
                return True
            unknown = unknown or r is None
        return None if unknown else False

    return go(world)


def wit_paths(opts: MacroOptions, root: Path) -> list[Path] | None:
    """The WIT sources a bindgen! call reads (None when they are inline only)."""
    if opts.shorthand is not None:
        return [root / (opts.shorthand[1] or "wit")]
    e = opts.get("path")
    if e is None:
        if opts.get("inline") is not None:
            return None
        return [root / "wit"]
    if e.value.kind == "string":
        return [root / e.value.string]
    if e.value.kind == "list":
        return [root / v.string for v in e.value.items if v.kind == "string"]
    return None
