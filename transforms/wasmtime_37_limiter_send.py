"""E37: `ResourceLimiter` and `ResourceLimiterAsync` require `Send` (manual, report only).

API ledger, 36->37: both traits gained a `Send` supertrait. Limiters are usually plain counters (Send);
an impl whose type holds `Rc`/`RefCell`/`Cell`/raw pointers stops compiling and is reported.
"""

from __future__ import annotations

import re

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi import paths

LIMITERS = paths("wasmtime::ResourceLimiter", "wasmtime::ResourceLimiterAsync")
NOT_SEND = re.compile(r"\b(Rc|RefCell|Cell|UnsafeCell)<|\*(?:const|mut) ")


def apply(ctx: StepContext) -> None:
    types: dict[str, str] = {}  # type name -> its definition text, across the crate
    for unit in ctx.units:
        for n in walk_types(unit.src.root, ("struct_item", "enum_item")):
            if n.type in ("struct_item", "enum_item"):
                name = n.child_by_field_name("name")
                if name is not None:
                    types[text(name)] = text(n)
    for block in ctx.impls(LIMITERS):
        found = [m.group(1) or m.group(0).strip() for m in NOT_SEND.finditer(types.get(block.base_type, ""))]
        if found:
            ctx.report(block.unit, block.node, f"from wasmtime 37 a resource limiter must be `Send`; "
                       f"`{block.base_type}` holds {', '.join(dict.fromkeys(found))}: use Arc/Mutex/atomics")


STEP = Step(
    id="wasmtime-37-limiter-send",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.MANUAL,
    title="Report resource limiters that are not Send",
    summary="Report `impl ResourceLimiter`/`ResourceLimiterAsync` for types holding `Rc`/`RefCell`/`Cell`/raw "
            "pointers: both traits require `Send` from 37.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v37.0.0/crates/wasmtime/src/runtime/limits.rs",
    prefilter=(b"ResourceLimiter",),
    apply=apply,
)
