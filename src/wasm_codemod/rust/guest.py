"""Helpers for wit-bindgen guest steps: `generate!` calls, the WIT they read, the manifest entry.

The WIT reader is deliberately small: it finds packages, interfaces, resources, functions
(and whether they are `async`) and the imports/exports of worlds. That is what the guest
steps need to decide option rewrites; it is not a validator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tree_sitter import Node

from ..transform import WitFile, crate_dir, is_wit_file  # noqa: F401  (crate_dir: re-exported for steps)
from ..wit import Token, block_end, significant, tokenize
from .macro_options import MacroOptions, parse_options
from .parse import in_use_declaration, walk

GENERATE = {"generate"}


def generate_calls(ctx) -> list[tuple[Any, Node, MacroOptions]]:
    """Every `generate!` call of the crate whose options could be read."""
    out = []
    for unit, node in ctx.macro_calls(GENERATE):
        opts = parse_options(unit.src, node)
        if opts is not None:
            out.append((unit, node, opts))
    return out




def wit_roots(opts: MacroOptions, root: Path, exists: Callable[[Path], bool] = Path.exists) -> list[Path]:
    """The WIT files/dirs a `generate!` call reads from disk (best effort; ``exists``: whether
    something is at a path, e.g. `StepContext.wit_files(p) is not None`)."""
    if opts.shorthand is not None:
        return [root / (opts.shorthand[1] or "wit")]
    e = opts.get("path")
    if e is None:
        return [root / "wit"] if exists(root / "wit") else []
    if e.value.kind == "string":
        return [root / e.value.string]
    if e.value.kind == "list":
        return [root / v.string for v in e.value.items if v.kind == "string"]
    return []


@dataclass
class WitFunc:
    key: str  # the filter key as 0.41-0.47 spell it, e.g. "a:b/c@1.0.0#[async method]r.m"
    plain_key: str  # the key as wit-parser >= 0.241 spells it ("a:b/c@1.0.0#[method]r.m")
    is_async: bool


@dataclass
class WitWorld:
    name: str
    imports: list[str] = field(default_factory=list)  # interface keys
    exports: list[str] = field(default_factory=list)


@dataclass
class WitInfo:
    funcs: list[WitFunc] = field(default_factory=list)
    worlds: list[WitWorld] = field(default_factory=list)
    interfaces: set[str] = field(default_factory=set)

def _files(roots: list[Path]) -> list[Path]:
    out = []
    for r in roots:
        if r.is_file() and r.suffix == ".wit":
            out.append(r)
        elif r.is_dir():
            out.extend(sorted(p for p in r.rglob("*.wit") if p.is_file()))
    return out


def load_wit(roots: list[Path], inline: str | None = None) -> WitInfo:
    """The WIT facts of these files/dirs, read from disk (steps use `wit_info` over `ctx.wit_files`)."""
    info = WitInfo()
    for f in _files(roots):
        _parse(f.read_bytes(), info)
    if inline:
        _parse(inline.encode(), info)
    return info


def wit_info(roots: list[Path], wit_files: Callable[[Path], list[WitFile] | None],
             inline: str | None = None) -> WitInfo:
    """`load_wit` over the files the engine read (``wit_files``: `StepContext.wit_files`)."""
    info = WitInfo()
    for r in roots:
        files = wit_files(r)
        if is_wit_file(files, r) and r.suffix != ".wit":
            continue
        for f in files or []:
            _parse(f.data, info)
    if inline:
        _parse(inline.encode(), info)
    return info


def _block_end(toks: list[Token], i: int) -> int:
    """Index of the `}` matching the `{` at ``i``."""
    end = block_end(toks, i)
    return len(toks) - 1 if end is None else end


def _name(t: Token) -> str:
    return t.text[1:] if t.kind == "explicit" else t.text


def _parse(data: bytes, info: WitInfo) -> None:
    toks = [t for t in significant(tokenize(data)) if t.kind != "string"]
    pkg, ver = "", ""
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.text == "package":
            j = i + 1
            parts = []
            while j < len(toks) and toks[j].text not in (";", "{"):
                parts.append(toks[j].text)
                j += 1
            full = "".join(parts)
            pkg, _, ver = full.partition("@")
            if j < len(toks) and toks[j].text == "{":
                # nested package block: parse its body as a file of its own
                end = _block_end(toks, j)
                sub = WitInfo()
                _parse_body(toks[j + 1:end], pkg, ver, sub)
                info.funcs += sub.funcs
                info.worlds += sub.worlds
                info.interfaces |= sub.interfaces
                i = end + 1
                continue
            i = j + 1
            continue
        break
    _parse_body(toks[i:], pkg, ver, info)


def _iface_key(pkg: str, ver: str, name: str) -> str:
    return f"{pkg}/{name}" + (f"@{ver}" if ver else "")


def _parse_body(toks: list[Token], pkg: str, ver: str, info: WitInfo) -> None:
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.text in ("interface", "world") and i + 2 < len(toks) and toks[i + 2].text == "{":
            name = _name(toks[i + 1])
            end = _block_end(toks, i + 2)
            body = toks[i + 3:end]
            if t.text == "interface":
                key = _iface_key(pkg, ver, name)
                info.interfaces.add(key)
                _funcs(body, key, info)
            else:
                info.worlds.append(_world(body, name, pkg, ver, info))
            i = end + 1
            continue
        i += 1


def _funcs(body: list[Token], key: str | None, info: WitInfo, resource: str | None = None) -> None:
    i = 0
    while i < len(body):
        t = body[i]
        if t.text == "resource" and i + 1 < len(body):
            rname = _name(body[i + 1])
            if i + 2 < len(body) and body[i + 2].text == "{":
                end = _block_end(body, i + 2)
                _funcs(body[i + 3:end], key, info, rname)
                i = end + 1
                continue
        if t.kind in ("id", "explicit") and i + 2 < len(body) and body[i + 1].text == ":":
            j = i + 2
            static = body[j].text == "static"
            if static:
                j += 1
            is_async = body[j].text == "async"
            if is_async:
                j += 1
            if j < len(body) and body[j].text == "func":
                fname = _name(t)
                if resource is None:
                    kind, name = "", fname
                else:
                    kind, name = ("static" if static else "method"), f"{resource}.{fname}"
                old = f"[async{' ' + kind if kind else ''}]{name}" if is_async else (
                    f"[{kind}]{name}" if kind else name)
                new = f"[{kind}]{name}" if kind else name
                pre = f"{key}#" if key else ""
                info.funcs.append(WitFunc(pre + old, pre + new, is_async))
                # skip to the end of the declaration
                while j < len(body) and body[j].text != ";":
                    j += 1
                i = j + 1
                continue
        i += 1


_REF = re.compile(r"^([a-z0-9-]+:[a-z0-9-]+(?::[a-z0-9-]+)*)/([a-z0-9-]+)(@.*)?$")


def _world(body: list[Token], name: str, pkg: str, ver: str, info: WitInfo) -> WitWorld:
    w = WitWorld(name)
    i = 0
    while i < len(body):
        t = body[i]
        if t.text in ("import", "export"):
            j = i + 1
            parts = []
            while j < len(body) and body[j].text not in (";", "{"):
                parts.append(body[j].text)
                j += 1
            ref = "".join(parts)
            if j < len(body) and body[j].text == "{":
                j = _block_end(body, j)
            if ":" in ref and "/" not in ref:
                # `export name: func(..)` / `export name: interface { .. }`: a world-level item
                i = j + 1
                continue
            if _REF.match(ref):
                key = ref
            else:
                key = _iface_key(pkg, ver, ref)
            (w.imports if t.text == "import" else w.exports).append(key)
            i = j + 1
            continue
        i += 1
    return w


# -- manifest ------------------------------------------------------------------------


def rust_files(manifest: Path | None) -> list[Path]:
    """The .rs files next to a Cargo.toml (its src/, examples, members), skipping target/."""
    if manifest is None:
        return []
    root = Path(manifest).parent
    out = []
    for p in root.rglob("*.rs"):
        rel = p.relative_to(root).parts
        if "target" in rel or any(part.startswith(".") for part in rel):
            continue
        out.append(p)
    return sorted(out)


def mentions(manifest: Path | None, pattern: re.Pattern[bytes]) -> list[tuple[Path, int]]:
    """(file, line) of every match of ``pattern`` in the crate's Rust files, comments excluded."""
    hits = []
    for f in rust_files(manifest):
        data = f.read_bytes()
        if not pattern.search(data):
            continue
        from .parse import parse_rust

        tree = parse_rust(data)
        for n in walk(tree.root_node):
            if n.type in ("line_comment", "block_comment", "string_literal"):
                continue
            if n.child_count == 0 and pattern.fullmatch(data[n.start_byte:n.end_byte]):
                hits.append((f, n.start_point[0] + 1))
    return hits


def uses_items(manifest: Path | None, items: set[tuple[str, ...]],
               token: bytes) -> list[tuple[Path, int, tuple[str, ...]]]:
    """(file, line, item) of every path in the crate's Rust files that resolves to (inside) one of ``items``.

    Paths are resolved through `use` imports (aliases and groups included); use declarations
    themselves are not counted, only the places the item is named in code.
    """
    hits = []
    wanted = frozenset(items)
    for f in rust_files(manifest):
        try:
            st = f.stat()
        except OSError:
            continue
        for line, item in _file_uses(str(f), st.st_mtime_ns, st.st_size, wanted, token):
            hits.append((f, line, item))
    return hits


@lru_cache(maxsize=1024)
def _file_uses(path: str, _mtime: int, _size: int, items: frozenset[tuple[str, ...]],
               token: bytes) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """One file's hits for `uses_items`, read and parsed once per file state and run (each member
    crate of a workspace and each guest step asks again)."""
    from .names import NameTable, path_of
    from .parse import parse_rust

    data = Path(path).read_bytes()
    if token not in data:
        return ()
    root = parse_rust(data).root_node
    names = NameTable(root)
    wanted = set(items)
    hits = []
    for n in walk(root):
        if n.type not in ("scoped_identifier", "identifier"):
            continue
        if n.parent is not None and n.parent.type in ("scoped_identifier", "use_declaration", "use_list",
                                                      "scoped_use_list", "use_as_clause"):
            continue
        if in_use_declaration(n):
            continue
        segs = path_of(n)
        if segs is None:
            continue
        full = names.resolve(segs, n, wanted)
        for item in items:
            if full[:len(item)] == item:
                hits.append((n.start_point[0] + 1, item))
                break
    return tuple(hits)


