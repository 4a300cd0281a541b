"""wasmtime 29: `bindgen!` stopped generating `#[async_trait]` host traits.

Up to 28 an async `bindgen!` emitted `#[wasmtime::component::__internal::async_trait]` on every
generated `Host` / `Host<Resource>` / `<World>Imports` trait, so impls carried `#[async_trait]`
too. From 29 (wasmtime-wit-bindgen 29.0.1 has no `async_trait` at all) the traits use native
`async fn`; an impl that still has the attribute fails with E0195 (lifetime parameters do not
match). The attribute is dropped from impls of generated traits only: wasmtime-wasi's own
`#[async_trait]` traits (`HostOutputStream`, `HostInputStream`, `Subscribe`, ...) keep it.
A `use ...::async_trait;` left unused in the file is dropped with it.
"""

from __future__ import annotations

import re
from pathlib import Path

from tree_sitter import Node

from wasm_codemod.rust.bindgen import wasmtime_bindgen_calls
from wasm_codemod.rust.impls import trait_path_node
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._use_lists import delete_list_item

# `#[async_trait]`, `#[async_trait::async_trait]`, `#[wasmtime::component::__internal::async_trait]`,
# `#[wasmtime_wasi::async_trait]`, with an optional `(?Send)`
ATTR = re.compile(rb"^#\[\s*(?:::)?(?:[A-Za-z_][\w]*\s*::\s*)*async_trait\s*(?:\(\s*\?\s*Send\s*\))?\s*\]$")
GENERATED_NAME = re.compile(r"^(Host(?:[A-Z]\w*)?|\w+Imports)$")
# wasmtime-wasi / wasi-http traits that are hand-written (still #[async_trait] at 29), not generated
ROOTS = ("wasmtime_wasi", "wasmtime_wasi_http")
BINDINGS = ("bindings",)


def _async_trait_attrs(impl: Node) -> list[Node]:
    out = []
    prev = impl.prev_sibling
    while prev is not None and prev.type in ("attribute_item", "line_comment", "block_comment"):
        if prev.type == "attribute_item" and ATTR.match(prev.text or b""):
            out.append(prev)
        prev = prev.prev_sibling
    return out


def _user_traits(units: list[RustUnit]) -> set[str]:
    return {text(n.child_by_field_name("name")) for u in units for n in walk_types(u.src.root, ("trait_item",))
            if n.type == "trait_item" and n.child_by_field_name("name") is not None}


def _file_module(unit: RustUnit, root: Path | None) -> tuple[str, ...] | None:
    """Module path of a file from its place under the crate's src/ (``root``: the crate's directory;
    None when that cannot be told)."""
    p = getattr(unit, "abs_path", None)
    if root is None or p is None:
        return None
    try:
        rel = Path(p).relative_to(root / "src")
    except ValueError:
        return None
    parts = list(rel.with_suffix("").parts)
    if parts and parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    if not parts and rel.name not in ("lib.rs", "main.rs"):
        return None
    return tuple(parts) if parts[:1] != ["bin"] else None


def _inline_modules(n: Node) -> tuple[str, ...]:
    out = []
    p = n.parent
    while p is not None:
        if p.type == "mod_item" and p.child_by_field_name("name") is not None:
            out.append(text(p.child_by_field_name("name")))
        p = p.parent
    return tuple(reversed(out))


def _trait_modules(units: list[RustUnit], root: Path | None) -> dict[str, set[tuple[str, ...]]] | None:
    """Trait name -> crate module paths defining it; None when a `#[path]` could make paths lie."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for u in units:
        if b"#[path" in u.src.data:
            return None
        base = _file_module(u, root)
        for n in walk_types(u.src.root, ("trait_item",)):
            if n.type == "trait_item" and n.child_by_field_name("name") is not None:
                if base is None:
                    return None
                out.setdefault(text(n.child_by_field_name("name")), set()).add(base + _inline_modules(n))
    return out


def _absolute_module(unit: RustUnit, at: Node, full: tuple[str, ...], root: Path | None) -> tuple[str, ...] | None:
    """The crate module a `crate::`/`super::`/`self::` trait path points into."""
    if full[0] == "crate":
        return full[1:-1]
    here = _file_module(unit, root)
    if here is None:
        return None
    here = here + _inline_modules(at)
    segs = list(full[:-1])
    if segs[0] == "self":
        segs.pop(0)
    while segs and segs[0] == "super":
        if not here:
            return None
        here = here[:-1]
        segs.pop(0)
    return here + tuple(segs)


def _module_of(n: Node) -> Node:
    p = n.parent
    while p is not None and p.type not in ("source_file", "mod_item"):
        p = p.parent
    return p if p is not None else n


def _defined_here(impl: Node, name: str) -> bool:
    """A `trait <name>` in the impl's own module (or a block around it)."""
    mod = _module_of(impl)
    for n in walk(mod):
        if n.type == "trait_item" and _module_of(n).id == mod.id:
            nm = n.child_by_field_name("name")
            if nm is not None and text(nm) == name:
                return True
    return False


def _classify(unit: RustUnit, impl: Node, tnode: Node, user: set[str], has_bindgen: bool,
              modules: dict[str, set[tuple[str, ...]]] | None, root: Path | None) -> str:
    """"generated", "other" or "unsure" for the trait of an impl."""
    segs = path_of(tnode)
    if not segs or not GENERATED_NAME.match(segs[-1]):
        return "other"
    full = unit.names.resolve(segs, tnode)
    if full and full[0] in ROOTS:
        # wasmtime_wasi::bindings::... is bindgen output; wasmtime_wasi::HostOutputStream is not
        return "generated" if len(full) > 2 and full[1] in BINDINGS else "other"
    if len(segs) == 1 and _defined_here(impl, segs[0]):
        return "other"  # the project's own trait
    if segs[-1] in user and len(full) > 1 and full[0] in ("super", "crate", "self") and modules is not None:
        # a crate-relative path: the project's own trait if it is defined in that module, else the
        # bindgen output (e.g. `crate::bindings::types::HostMessage` beside a hand-written `HostMessage`)
        mod = _absolute_module(unit, impl, full, root)
        if mod is not None:
            if mod in modules.get(segs[-1], set()):
                return "other"
            return "generated" if has_bindgen else "unsure"
    if segs[-1] in user and (len(full) == 1 or full[0] in ("super", "crate", "self")):
        return "unsure"  # a crate-relative path to a name the project also defines as a trait
    return "generated" if has_bindgen else "unsure"


def apply(ctx: StepContext) -> None:
    has_bindgen = bool(wasmtime_bindgen_calls(ctx))
    # the project's traits may sit in files without `async_trait` (``units`` has only those)
    with_traits = [u for u in (ctx.crate_files or ctx.units) if b"trait" in u.src.data]
    user = _user_traits(with_traits)
    paths_attr = any(b"#[path" in u.src.data for u in (ctx.crate_files or ctx.units))
    modules = _trait_modules(with_traits, ctx.inputs.dir) if user and not paths_attr else None
    for unit in ctx.units:
        if b"async_trait" not in unit.src.data:
            continue
        removed: list[Node] = []
        kept = 0
        for n in walk_types(unit.src.root, ("impl_item",)):
            if n.type != "impl_item":
                continue
            attrs = _async_trait_attrs(n)
            tnode = trait_path_node(n)
            if not attrs or tnode is None:
                continue
            kind = _classify(unit, n, tnode, user, has_bindgen, modules, ctx.inputs.dir)
            if kind == "other":
                kept += len(attrs)
                continue
            if kind == "unsure":
                kept += len(attrs)
                ctx.report(unit, attrs[0], f"if `{text(tnode)}` is generated by wasmtime's `bindgen!`, delete this "
                           "`#[async_trait]`: generated host traits use native `async fn` from 29 (kept: the crate "
                           "also defines a trait of that name, or has no `bindgen!`)", "review")
                continue
            for a in attrs:
                ctx.delete_lines(unit, a)
                removed.append(a)
        if removed and kept == 0:
            _drop_unused_import(ctx, unit, removed)


def _drop_unused_import(ctx: StepContext, unit: RustUnit, removed: list[Node]) -> None:
    """Delete the `async_trait` import when the removed attributes were its only uses in the file:
    a whole `use a::async_trait;`, or its item in a `use {..}` list."""
    gone = {a.id for a in removed}
    uses = [n for n in walk_types(unit.src.root, ("identifier",)) if n.type == "identifier" and text(n) == "async_trait"
            and not any(p.id in gone for p in _ancestors(n))]
    leaves = []
    for n in uses:
        d = next((p for p in _ancestors(n) if p.type == "use_declaration"), None)
        if d is None:
            return  # used elsewhere (a trait of the project's, a full path)
        leaf = n.parent if n.parent is not None and n.parent.type == "scoped_identifier" else n
        leaves.append((d, leaf))
    for d, leaf in {leaf.id: (d, leaf) for d, leaf in leaves}.values():
        arg = d.child_by_field_name("argument")
        if arg is not None and arg.id == leaf.id and text(arg).endswith("async_trait"):
            ctx.delete_lines(unit, d)
        elif leaf.parent is not None and leaf.parent.type == "use_list" and text(leaf).endswith("async_trait"):
            delete_list_item(ctx, unit, leaf)


def _ancestors(n: Node):
    p = n.parent
    while p is not None:
        yield p
        p = p.parent


STEP = Step(
    id="wasmtime-29-bindgen-async-trait",
    family="wasmtime",
    from_version="28",
    to_version="29",
    safety=Safety.SAFE,
    title="Drop #[async_trait] from impls of bindgen host traits",
    summary="Delete `#[async_trait]` on impls of `bindgen!`-generated `Host*` / `*Imports` traits, which use "
            "native `async fn` from 29 (wasmtime-wasi's own async traits keep it).",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9867",
    prefilter=(b"async_trait",),
    apply=apply,
)
