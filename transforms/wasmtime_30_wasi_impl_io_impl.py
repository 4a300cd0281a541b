"""E30: `WasiImpl<T>` / `WasiHttpImpl<T>` wrap an `IoImpl<T>` (`WasiImpl(x)` -> `WasiImpl(IoImpl(x))`).

At 30 the tuple field of `wasmtime_wasi::WasiImpl` and `wasmtime_wasi_http::WasiHttpImpl` became
`IoImpl<T>` (api-ledger: `signature wasmtime_wasi::WasiImpl::0`, `T` -> `IoImpl<T>`). Hosts that link
single WASI interfaces through `add_to_linker_get_host(linker, |t| WasiImpl(t))` (the shape
wasmtime-wasi's own `add_to_linker` used up to 29) must build `WasiImpl(IoImpl(t))`. Constructor
calls and tuple-struct patterns are rewritten.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi import paths

WRAPPERS = paths("wasmtime_wasi::WasiImpl", "wasmtime_wasi_http::WasiHttpImpl")
IO_IMPL = paths("wasmtime_wasi::IoImpl", "wasmtime_wasi_io::IoImpl")
IO_IMPL_AT_30 = "wasmtime_wasi::IoImpl"


def _already_wrapped(ctx: StepContext, unit: RustUnit, arg: Node) -> bool:
    """`IoImpl(x)` (call or pattern) as the single argument: written for 30 already."""
    head = arg.child_by_field_name("function") if arg.type == "call_expression" else \
        arg.child_by_field_name("type") if arg.type == "tuple_struct_pattern" else None
    return head is not None and ctx.resolves_to(unit, head, IO_IMPL) is not None


def _single(args: Node) -> Node | None:
    kids = [c for c in args.named_children if c.type not in ("line_comment", "block_comment")]
    return kids[0] if len(kids) == 1 else None


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for n in walk(unit.src.root):
            if n.type == "call_expression":
                head, args = n.child_by_field_name("function"), n.child_by_field_name("arguments")
            elif n.type == "tuple_struct_pattern":
                head, args = n.child_by_field_name("type"), n
            else:
                continue
            if head is None or args is None or ctx.resolves_to(unit, head, WRAPPERS) is None:
                continue
            arg = _single(args) if n.type == "call_expression" else _pattern_arg(n)
            if arg is None:
                ctx.report(unit, n, f"`{text(head)}` wraps an `IoImpl` from wasmtime 30: write "
                           f"`{text(head)}(IoImpl(..))`")
                continue
            if _already_wrapped(ctx, unit, arg):
                continue
            io = ctx.import_name(unit, IO_IMPL_AT_30, n)
            ctx.replace(unit, arg, f"{io}({text(arg)})")


def _pattern_arg(pat: Node) -> Node | None:
    ty = pat.child_by_field_name("type")
    kids = [c for c in pat.named_children if c != ty and c.type not in ("line_comment", "block_comment")]
    return kids[0] if len(kids) == 1 else None


STEP = Step(
    id="wasmtime-30-wasi-impl-io-impl",
    family="wasmtime",
    from_version="29",
    to_version="30",
    safety=Safety.SAFE,
    title="Wrap the WasiImpl/WasiHttpImpl field in IoImpl",
    summary="Rewrite `WasiImpl(x)` / `WasiHttpImpl(x)` (calls and patterns) to `WasiImpl(IoImpl(x))` / "
            "`WasiHttpImpl(IoImpl(x))`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10016",
    prefilter=(b"WasiImpl", b"WasiHttpImpl"),
    apply=apply,
)
