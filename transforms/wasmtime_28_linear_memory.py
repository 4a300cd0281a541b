"""wasmtime 28: the `wasmtime::LinearMemory` trait (custom `MemoryCreator` memories) was reshaped:
`maximum_byte_size` and `wasm_accessible` are gone and `byte_capacity(&self) -> usize` is required.
Each impl is reported with what to add and delete.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

LINEAR = {("wasmtime", "LinearMemory")}


def apply(ctx: StepContext) -> None:
    for block in ctx.impls(LINEAR):
        m = block.methods()
        gone = [n for n in ("maximum_byte_size", "wasm_accessible") if n in m]
        todo = [] if "byte_capacity" in m else ["add `fn byte_capacity(&self) -> usize` (bytes usable without "
                                                "moving the memory)"]
        todo += [f"delete `{n}` (removed from the trait)" for n in gone]
        if todo:
            ctx.report(block.unit, block.node, f"`LinearMemory` changed at 28 for `{block.self_type}`: "
                       + "; ".join(todo))


STEP = Step(
    id="wasmtime-28-linear-memory",
    family="wasmtime",
    from_version="27",
    to_version="28",
    safety=Safety.MANUAL,
    title="Report custom LinearMemory impls",
    summary="Report `impl LinearMemory` blocks: `byte_capacity` is required and `maximum_byte_size` / "
            "`wasm_accessible` are removed at 28.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v28.0.1/crates/wasmtime/src/runtime/memory.rs",
    prefilter=(b"LinearMemory",),
    apply=apply,
)
