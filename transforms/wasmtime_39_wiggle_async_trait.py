"""E39: wiggle no longer re-exports `async_trait` (`#[wiggle::async_trait]` is gone).

API ledger, 38->39: `wiggle::async_trait` and `wiggle::async_trait_crate` were removed; traits generated
by `wiggle::from_witx!` declare their async methods as `fn .. -> impl Future<..>`, which an `async fn`
in the impl satisfies without a macro. So:
- on an impl of a trait defined in this crate (a wiggle-generated trait), the attribute is deleted;
- on an impl of a wasmtime-wasi trait (`Pollable`, `InputStream`, `OutputStream`, ... still written with
  async-trait), it becomes `#[wasmtime_wasi::async_trait]`, wasmtime-wasi's own re-export;
- anywhere else it is reported.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.impls import trait_path_node
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

ATTR = ("wiggle", "async_trait")
WASI_CRATES = ("wasmtime_wasi", "wasmtime_wasi_io", "wasmtime_wasi_http")
# crate roots that are dependencies; any other head is this crate's own module (a from_witx! output)
EXTERNAL = {"wasmtime", "wiggle", "wasi_common", "async_trait", "std", "core", "alloc", *WASI_CRATES}


def _attr_path(unit: RustUnit, attr: Node) -> tuple[str, ...] | None:
    """The resolved path of `#[path]` (no arguments), else None."""
    inner = next((c for c in attr.named_children if c.type == "attribute"), None)
    if inner is None or inner.child_by_field_name("arguments") is not None:
        return None
    head = inner.named_children[0] if inner.named_children else None
    segs = path_of(head) if head is not None else None
    return unit.names.resolve(segs, head) if segs else None


def _impl_of(attr: Node) -> Node | None:
    nxt = attr.next_named_sibling
    while nxt is not None and nxt.type in ("attribute_item", "line_comment", "block_comment"):
        nxt = nxt.next_named_sibling
    return nxt if nxt is not None and nxt.type == "impl_item" else None


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"wiggle" not in unit.src.data:
            continue  # `wiggle::async_trait` resolves through this file's own imports or path
        local_traits = {text(n.child_by_field_name("name")) for n in walk_types(unit.src.root, ("trait_item",))
                        if n.type == "trait_item" and n.child_by_field_name("name") is not None}
        macro_crate = b"from_witx" in unit.src.data
        for attr in [n for n in walk_types(unit.src.root, ("attribute_item",)) if n.type == "attribute_item"]:
            if _attr_path(unit, attr) != ATTR:
                continue
            impl = _impl_of(attr)
            tnode = trait_path_node(impl) if impl is not None else None
            segs = path_of(tnode) if tnode is not None else None
            trait = unit.names.resolve(segs, tnode) if segs else None
            if trait is not None and trait[0] in WASI_CRATES:
                ctx.replace(unit, attr, "#[wasmtime_wasi::async_trait]")
            elif trait is not None and (trait[0] not in EXTERNAL or trait[-1] in local_traits or macro_crate):
                ctx.delete_lines(unit, attr)  # a trait of this crate: wiggle-generated (or plain Rust)
            else:
                ctx.report(unit, attr, "`#[wiggle::async_trait]` is gone in wasmtime 39: delete it on impls of "
                           "wiggle-generated traits, or use `#[async_trait::async_trait]` for other async-trait traits")


STEP = Step(
    id="wasmtime-39-wiggle-async-trait",
    family="wasmtime",
    from_version="38",
    to_version="39",
    safety=Safety.REVIEW,
    title="Replace #[wiggle::async_trait]",
    summary="Delete `#[wiggle::async_trait]` on impls of wiggle-generated traits (plain `async fn` works from 39) "
            "and write `#[wasmtime_wasi::async_trait]` on impls of wasmtime-wasi's async-trait traits.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v39.0.0/crates/wiggle/src/lib.rs",
    prefilter=(b"async_trait",),
    moves={"wiggle::async_trait_crate": None},
    removed_hints={"wiggle::async_trait_crate": "wiggle 39 no longer re-exports the async-trait crate; depend on "
                                                "`async-trait` directly"},
    apply=apply,
)
