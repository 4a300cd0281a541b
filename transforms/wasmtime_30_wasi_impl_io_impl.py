"""E30: `WasiImpl<T>` / `WasiHttpImpl<T>` wrap an `IoImpl<T>` (`WasiImpl(x)` -> `WasiImpl(IoImpl(x))`).

At 30 the tuple field of `wasmtime_wasi::WasiImpl` and `wasmtime_wasi_http::WasiHttpImpl` became
`IoImpl<T>` (api-ledger: `signature wasmtime_wasi::WasiImpl::0`, `T` -> `IoImpl<T>`). Hosts that link
single WASI interfaces through `add_to_linker_get_host(linker, |t| WasiImpl(t))` (the shape
wasmtime-wasi's own `add_to_linker` used up to 29) must build `WasiImpl(IoImpl(t))`. Constructor
calls and tuple-struct patterns are rewritten.

The wasi-io host traits (`io::poll`, `io::error`, `io::streams`) are implemented for `IoImpl<T>`
from 30, no longer for `WasiImpl<T>`: hand-written forwarding inside an impl for
`WasiImpl<..>`/`WasiHttpImpl<..>` (`bindings::io::poll::Host::poll(self, ..)`, the shape of hosts
that adapt old WASI snapshots) must pass `&mut self.0`. Linking an io interface with a getter that
returns `WasiImpl(..)` is reported: it needs a second getter that returns the `IoImpl`.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.calls import COMMENTS
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk, walk_types, walk_types_within
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


# trait names of the wasi-io interfaces, by interface module (bindings, sync bindings and wasmtime-wasi-io's)
IO_TRAITS = {"poll": {"Host", "HostPollable"}, "error": {"Host", "HostError"},
             "streams": {"Host", "HostInputStream", "HostOutputStream"}}
IO_CRATES = ("wasmtime_wasi", "wasmtime_wasi_io")


def apply(ctx: StepContext) -> None:
    _forward_io_through_field(ctx)
    _report_io_getters(ctx)
    for unit in ctx.units:
        for n in walk_types(unit.src.root, ("call_expression", "tuple_struct_pattern")):
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


def _local_reexports(unit: RustUnit) -> dict[str, tuple[str, ...]]:
    """`mod latest { pub use wasmtime_wasi::bindings::*; }`: module name -> the path it re-exports."""
    out: dict[str, tuple[str, ...]] = {}
    for m in walk_types(unit.src.root, ("mod_item",)):
        if m.type != "mod_item":
            continue
        name, body = m.child_by_field_name("name"), m.child_by_field_name("body")
        if name is None or body is None:
            continue
        for d in body.named_children:
            arg = d.child_by_field_name("argument") if d.type == "use_declaration" else None
            if arg is not None and arg.type == "use_wildcard" and text(arg).endswith("::*"):
                out.setdefault(text(name), tuple(text(arg)[:-3].replace(" ", "").split("::")))
    return out


def _io_trait_path(unit: RustUnit, path: Node, reexports: dict[str, tuple[str, ...]]) -> bool:
    """Is ``path`` (the `X::Trait` of `X::Trait::method`) one of the wasi-io host traits?"""
    segs = path_of(path)
    if not segs:
        return False
    full = unit.names.resolve(segs, path)
    if full == segs and segs[0] in reexports:
        full = reexports[segs[0]] + segs[1:]
    if full[0] in ("crate", "self", "super"):
        return False
    return (len(full) >= 4 and full[0] in IO_CRATES and "bindings" in full and full[-3] == "io"
            and full[-1] in IO_TRAITS.get(full[-2], ()))


def _impl_self_is_wrapper(ctx: StepContext, unit: RustUnit, impl: Node) -> bool:
    ty = impl.child_by_field_name("type")
    if ty is not None and ty.type == "generic_type":
        ty = ty.child_by_field_name("type")
    return ty is not None and ctx.resolves_to(unit, ty, WRAPPERS) is not None


def _forward_io_through_field(ctx: StepContext) -> None:
    """`io::streams::HostInputStream::read(self, ..)` in an impl for `WasiImpl<T>` -> `(&mut self.0, ..)`."""
    for unit in ctx.units:
        if b"io::" not in unit.src.data:
            continue
        reexports = _local_reexports(unit)
        for impl in walk_types(unit.src.root, ("impl_item",)):
            if impl.type != "impl_item" or not _impl_self_is_wrapper(ctx, unit, impl):
                continue
            for call in walk_types_within(unit.src.root, ("call_expression",), impl):
                fn, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
                if fn is None or args is None or fn.type != "scoped_identifier":
                    continue
                trait = fn.child_by_field_name("path")
                if trait is None or not _io_trait_path(unit, trait, reexports):
                    continue
                first = next((a for a in args.named_children if a.type not in COMMENTS), None)
                if first is not None and first.type == "self":
                    ctx.replace(unit, first, "&mut self.0")


def _report_io_getters(ctx: StepContext) -> None:
    """`bindings::io::poll::add_to_linker_get_host(linker, g)` where `g` builds a `WasiImpl`: report."""
    for unit in ctx.units:
        if b"add_to_linker_get_host" not in unit.src.data or b"WasiImpl" not in unit.src.data:
            continue
        for call in walk_types(unit.src.root, ("call_expression",)):
            if call.type != "call_expression":
                continue
            fn = call.child_by_field_name("function")
            if fn is None or fn.type != "scoped_identifier" or text(fn).rsplit("::", 1)[-1] != \
                    "add_to_linker_get_host":
                continue
            module = fn.child_by_field_name("path")
            segs = path_of(module) if module is not None else None
            if not segs:
                continue
            full = unit.names.resolve(segs, module)
            if not (full[0] in IO_CRATES and len(full) >= 3 and full[-2] == "io" and full[-1] in IO_TRAITS):
                continue
            args = call.child_by_field_name("arguments")
            getter = [a for a in (args.named_children if args else []) if a.type not in COMMENTS][-1:]
            if not getter or not _builds_wrapper(getter[0]):
                continue
            ctx.report(unit, call, f"from wasmtime 30 `{text(module)}` is implemented for `IoImpl<T>`, not "
                       "`WasiImpl<T>`: pass a getter that returns the `IoImpl(..)` (e.g. a second "
                       "`type_annotate` helper with `F: Fn(&mut T) -> IoImpl<..>`, and build the "
                       "`WasiImpl` getter from it as `move |t| WasiImpl(io_getter(t))`)")


def _builds_wrapper(getter: Node) -> bool:
    """The getter is (or is a `let` in the same fn bound to) an expression that builds a `WasiImpl(..)`."""
    if getter.type != "identifier":
        return _WRAPPER_CALL.search(text(getter)) is not None
    fn = getter.parent
    while fn is not None and fn.type not in ("function_item", "closure_expression"):
        fn = fn.parent
    for let in walk(fn) if fn is not None else ():
        if let.type == "let_declaration" and let.start_byte < getter.start_byte:
            pat, value = let.child_by_field_name("pattern"), let.child_by_field_name("value")
            if pat is not None and value is not None and text(pat) == text(getter):
                return _WRAPPER_CALL.search(text(value)) is not None
    return False


_WRAPPER_CALL = re.compile(r"\b(WasiImpl|WasiHttpImpl)\s*\(")


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
            "`WasiHttpImpl(IoImpl(x))`, forward to the wasi-io host traits through `&mut self.0`, and report "
            "io interfaces linked with a `WasiImpl` getter.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10016",
    prefilter=(b"WasiImpl", b"WasiHttpImpl"),
    apply=apply,
)
