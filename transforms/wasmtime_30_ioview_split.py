"""E30.1: `fn table` moves out of `WasiView` / `WasiHttpView` into a new `impl IoView`."""

from __future__ import annotations

from wasm_codemod.rust.impls import ImplBlock, item_with_attrs_start, type_definitions, type_key
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi import IO_VIEW, WASI_HTTP_VIEW, WASI_VIEW

IO_VIEW_AT_30 = "wasmtime_wasi::IoView"


def apply(ctx: StepContext) -> None:
    views = ctx.impls(WASI_VIEW | WASI_HTTP_VIEW)
    io_views = ctx.impls(IO_VIEW)
    # a file that defines an impl's type names it: only those are read for definitions
    bases = {b.base_type.encode() for b in views + io_views}
    defs = type_definitions([u for u in ctx.crate_files if any(t in u.src.data for t in bases)])
    done = {type_key(b, defs) for b in io_views}
    for block in views:
        table = block.methods().get("table")
        if table is None:
            continue  # already in 30 shape
        unit = block.unit
        ctx.delete_item(unit, table)
        key = type_key(block, defs)
        if key in done:
            continue  # one IoView impl per type, even when WasiView and WasiHttpView both had `table`
        done.add(key)
        trait = _io_view_name(ctx, block)
        indent = unit.src.indent_at(block.node.start_byte)
        fn_text = _reindent(unit.src.data[unit.src.line_start(item_with_attrs_start(table)):table.end_byte].decode(),
                            unit.src.indent_at(table.start_byte), indent + "    ")
        # keep the header's layout between the type and `{` (e.g. a multi-line where clause)
        between = unit.src.data[block.type_node.end_byte:block.body.start_byte].decode()
        header = f"impl{block.generics} {trait} for {text(block.type_node)}{between}"
        new_impl = f"\n\n{indent}{header}{{\n{fn_text}\n{indent}}}"
        ctx.insert(unit, block.node.end_byte, new_impl)


def _io_view_name(ctx: StepContext, block: ImplBlock) -> str:
    """Spell IoView the way the impl spelled its trait: through the same module path, or imported."""
    written = text(block.trait_node)
    if "::" in written and block.trait[0] == "wasmtime_wasi":
        return written.rsplit("::", 1)[0] + "::IoView"
    return ctx.import_name(block.unit, IO_VIEW_AT_30, block.node)


def _reindent(code: str, old: str, new: str) -> str:
    out = []
    for ln in code.splitlines():
        out.append(new + ln[len(old):] if ln.startswith(old) else ln)
    return "\n".join(out)


STEP = Step(
    id="wasmtime-30-ioview-split",
    family="wasmtime",
    from_version="29",
    to_version="30",
    safety=Safety.SAFE,
    title="Split IoView out of WasiView",
    summary="Move `fn table` from `impl WasiView`/`impl WasiHttpView` into one new `impl IoView` per type.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10016",
    prefilter=(b"WasiView", b"WasiHttpView"),
    apply=apply,
    superseded_at="36",  # wasmtime-36-wasi-ctx-view rewrites the 29 shape directly
)
