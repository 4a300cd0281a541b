"""wasmtime 26: `wasmtime::StackMemory` (custom fiber stacks for async) gained a required method,
`guard_range(&self) -> Range<*mut u8>`. Each impl is reported: it must say where its guard page is.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

STACK = {("wasmtime", "StackMemory")}


def apply(ctx: StepContext) -> None:
    for block in ctx.impls(STACK):
        if "guard_range" not in block.methods():
            ctx.report(block.unit, block.node, f"`StackMemory` has a required `fn guard_range(&self) -> "
                       f"std::ops::Range<*mut u8>` from 26: implement it for `{block.self_type}` (the address range "
                       "of the stack's guard pages, empty if it has none)")


STEP = Step(
    id="wasmtime-26-stack-memory",
    family="wasmtime",
    from_version="25",
    to_version="26",
    safety=Safety.MANUAL,
    title="Report custom StackMemory impls (guard_range)",
    summary="Report `impl StackMemory` blocks without `guard_range`, a required method from 26.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v26.0.1/crates/wasmtime/src/runtime/stack.rs",
    prefilter=(b"StackMemory",),
    apply=apply,
)
