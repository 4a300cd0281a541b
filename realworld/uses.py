"""`use` declarations of a Rust file as sets of imported paths, so import order does not matter.

`use a::{b::C, D as E};` inside `mod m` gives {("m", "a::b::C"), ("m", "a::D as E")}. The scorer
compares imports as these sets and the rest of the code as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import tree_sitter_rust
from tree_sitter import Language, Node, Parser

Import = tuple[str, str]  # (scope, "[vis ]path[ as alias]")

# Re-exports of one item under two paths, on every line the corpus covers (checked in the published
# sources, wasmtime-wasi 25-49: `pub use wasmtime::component::{ResourceTable, ResourceTableError}`):
# importing either is the same import.
REEXPORTS = {
    "wasmtime_wasi::ResourceTable": "wasmtime::component::ResourceTable",
    "wasmtime_wasi::ResourceTableError": "wasmtime::component::ResourceTableError",
}
_PLAIN_CRATE = re.compile(r"[A-Za-z_]\w*")


def _canonical(path: str) -> str | None:
    """The path an import is compared by; None for `use some_crate;` / `use some_crate::{self}`, which
    import nothing in edition 2018+ (extern crates are in scope everywhere), so keeping or dropping
    one is the same change."""
    if _PLAIN_CRATE.fullmatch(path) and path not in ("self", "crate", "super"):
        return None
    target, sep, alias = path.partition(" as ")
    return REEXPORTS.get(target, target) + sep + alias


@lru_cache(maxsize=1)
def _parser() -> Parser:
    return Parser(Language(tree_sitter_rust.language()))


@dataclass(frozen=True)
class UseDecl:
    first: int  # 0-based lines, inclusive
    last: int
    imports: frozenset[Import]
    # import -> the lines its path is written on (a `use {..}` over many lines touches only some)
    lines_of: tuple[tuple[Import, frozenset[int]], ...] = ()


def _txt(n: Node) -> str:
    return "".join((n.text or b"").decode("utf-8", "replace").split())


def _flatten(n: Node, prefix: str, lines: frozenset[int] = frozenset()) -> list[tuple[str, frozenset[int]]]:
    """Flattened paths of a use tree, each with the lines its segments are written on (its own and
    those of the groups' paths around it)."""
    def join(s: str) -> str:
        return f"{prefix}::{s}" if prefix else s

    def here(x: Node) -> frozenset[int]:
        return lines | frozenset(range(x.start_point[0], x.end_point[0] + 1))

    t = n.type
    if t == "use_list":
        out: list[tuple[str, frozenset[int]]] = []
        for c in n.named_children:
            if c.type not in ("line_comment", "block_comment"):
                out.extend(_flatten(c, prefix, lines))
        return out
    if t == "scoped_use_list":
        path = n.child_by_field_name("path")
        lst = n.child_by_field_name("list")
        inner = join(_txt(path)) if path is not None else prefix
        at = here(path) if path is not None else lines
        return _flatten(lst, inner, at) if lst is not None else [(inner, at)]
    if t == "use_as_clause":
        path, alias = n.child_by_field_name("path"), n.child_by_field_name("alias")
        target = prefix if path is not None and path.type == "self" and prefix else join(_txt(path) if path else "")
        return [(f"{target} as {_txt(alias) if alias else '_'}", here(n))]
    if t == "self":
        return [(prefix or "self", here(n))]
    return [(join(_txt(n)), here(n))]  # identifier, scoped_identifier, use_wildcard, crate, super ...


def _scope(n: Node) -> str:
    names = []
    p = n.parent
    while p is not None:
        if p.type in ("mod_item", "function_item", "trait_item"):
            nm = p.child_by_field_name("name")
            names.append(f"{p.type[0]}:{_txt(nm) if nm else '?'}")
        elif p.type == "impl_item":
            names.append(f"impl:{_txt(p.child_by_field_name('type')) if p.child_by_field_name('type') else '?'}")
        p = p.parent
    return "/".join(reversed(names))


def use_decls(text: str) -> list[UseDecl]:
    tree = _parser().parse(text.encode("utf-8", "surrogateescape"))
    out: list[UseDecl] = []
    stack = [tree.root_node]
    while stack:
        n = stack.pop()
        if n.type == "use_declaration":
            arg = n.child_by_field_name("argument")
            vis = next((_txt(c) for c in n.children if c.type == "visibility_modifier"), "")
            whole = frozenset(range(n.start_point[0], n.end_point[0] + 1))
            flat = _flatten(arg, "") if arg is not None else [(_txt(n), whole)]
            scope = _scope(n)
            found: dict[Import, frozenset[int]] = {}
            for p, ln in flat:
                c = _canonical(p)
                if c is not None:
                    imp = (scope, f"{vis} {c}" if vis else c)
                    found[imp] = found.get(imp, frozenset()) | ln
            out.append(UseDecl(n.start_point[0], n.end_point[0], frozenset(found), tuple(found.items())))
            continue
        stack.extend(n.children)
    return sorted(out, key=lambda d: d.first)


@dataclass
class FileUses:
    decls: list[UseDecl]

    @classmethod
    def of(cls, lines: list[str]) -> FileUses:
        return cls(use_decls("\n".join(lines)))

    @property
    def imports(self) -> set[Import]:
        return {i for d in self.decls for i in d.imports}

    @property
    def lines(self) -> set[int]:
        return {ln for d in self.decls for ln in range(d.first, d.last + 1)}

    def touching(self, first: int, end: int) -> set[Import]:
        """Imports of the declarations that overlap lines [first, end): in a declaration over several
        lines, those whose path is written on one of them (an edit of one line of a big `use {..}`
        does not touch the others); a change that only removes lines (first == end) touches the
        declaration's imports around it."""
        out: set[Import] = set()
        for d in self.decls:
            if not (d.first < max(end, first + 1) and d.last >= first):
                continue
            if d.first == d.last or end <= first or not d.lines_of:
                out |= d.imports
                continue
            out |= {i for i, ln in d.lines_of if any(first <= x < end for x in ln)}
        return out


IDENT = re.compile(r"(?<![\w:.$'])([A-Za-z_]\w*)(?=(\s*::)|\s*[(!])|(?<![\w:.$'])([A-Z]\w*)")


def alias_map(imports: set[Import]) -> dict[str, str]:
    """Imported name -> full path, for names imported once (any scope); globs are skipped."""
    seen: dict[str, set[str]] = {}
    for _, imp in imports:
        imp = imp.split(" ", 1)[1] if imp.startswith("pub") else imp
        path, _, alias = imp.partition(" as ")
        name = alias or path.rsplit("::", 1)[-1]
        if name in ("*", "_", "self") or path.endswith("*"):
            continue
        seen.setdefault(name, set()).add(path)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k != next(iter(v))}


def expand(line: str, amap: dict[str, str]) -> str:
    """Write imported names out as full paths: `WasiCtx` under `use wasmtime_wasi::WasiCtx` and
    `wasmtime_wasi::WasiCtx` then read the same. Only names that look like paths, types or calls."""
    if not amap:
        return line

    def sub(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(3)
        return amap.get(name, name)
    return IDENT.sub(sub, line)


def import_path(imp: Import) -> str:
    text = imp[1].split(" ", 1)[1] if imp[1].startswith("pub") else imp[1]
    return text.partition(" as ")[0]
