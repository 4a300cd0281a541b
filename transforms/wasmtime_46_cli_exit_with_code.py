"""E46: WASI `exit-with-code` is stable; its `LinkOptions` switch is gone.

Checked in the 45.0.3 and 46.0.3 sources: the `@unstable(feature = cli-exit-with-code)` gate left
wasmtime-wasi's cli.wit, so the generated `p2::bindings::{,sync::}LinkOptions::cli_exit_with_code`
and `cli::exit::LinkOptions` went, and `cli::exit::add_to_linker` takes no options argument.
`exit-with-code` is always linked from 46: `cli_exit_with_code(true)` calls are dropped (a
statement of its own is deleted, a chain link removed); `false` or a computed value is reported,
since the function can no longer be switched off.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.calls import call_arguments, classify_receiver, method_calls
from wasm_codemod.rust.parse import in_use_declaration, text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls
from ._wasi import paths

OPTIONS = paths("wasmtime_wasi::p2::bindings::LinkOptions", "wasmtime_wasi::p2::bindings::sync::LinkOptions")
EXIT_OPTIONS = paths("wasmtime_wasi::p2::bindings::cli::exit::LinkOptions",
                     "wasmtime_wasi::p2::bindings::sync::cli::exit::LinkOptions")
EXIT_ADD = paths("wasmtime_wasi::p2::bindings::cli::exit::add_to_linker",
                 "wasmtime_wasi::p2::bindings::sync::cli::exit::add_to_linker")


def _drop_call(ctx: StepContext, unit, call: Node, recv: Node) -> None:
    parent = call.parent
    if parent is not None and parent.type == "expression_statement" and recv.type in ("identifier", "field_expression"):
        ctx.delete_lines(unit, parent)  # `opts.cli_exit_with_code(true);`
        return
    ctx.replace(unit, (recv.end_byte, call.end_byte), "")  # `opts.cli_exit_with_code(true).x(..)` -> `opts.x(..)`




def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"wasmtime_wasi" not in unit.src.data:
            continue
        for mc in method_calls(unit.src.root, {"cli_exit_with_code"}):
            kind = classify_receiver(unit.names, mc.receiver, OPTIONS)
            if kind == "other":
                continue  # cli::exit's own options (reported below) or a project bindgen!'s (its WIT keeps the gate)
            arg = text(mc.args[0]) if len(mc.args) == 1 else ""
            if kind == "unknown":
                ctx.report(unit, mc.call, f"if `{text(mc.receiver)}` is wasmtime-wasi's `LinkOptions`: "
                           "`cli_exit_with_code` is gone at 46 (exit-with-code is always linked); delete the call",
                           "review")
            elif arg != "true":
                ctx.report(unit, mc.call, f"`cli_exit_with_code({arg})` is gone at 46: `exit-with-code` is always "
                           "linked now and cannot be switched off; delete the call")
            else:
                _drop_call(ctx, unit, mc.call, mc.receiver)
        for n in walk_types(unit.src.root, ("scoped_identifier", "scoped_type_identifier")):
            if n.type in ("scoped_identifier", "scoped_type_identifier") and not in_use_declaration(n) \
                    and ctx.resolves_to(unit, n, EXIT_OPTIONS) is not None:
                ctx.report(unit, n, "`cli::exit::LinkOptions` is gone at 46 (exit-with-code is always linked): delete "
                           "this value and its `cli_exit_with_code` call")
        for call in path_calls(ctx, unit, EXIT_ADD):
            kids = call_arguments(call)
            if len(kids) == 3:  # (linker, &options, getter) -> (linker, getter)
                ctx.replace(unit, (kids[1].start_byte, kids[2].start_byte), "")


STEP = Step(
    id="wasmtime-46-cli-exit-with-code",
    family="wasmtime",
    from_version="45",
    to_version="46",
    safety=Safety.SAFE,
    title="exit-with-code is stable",
    summary="Drop `LinkOptions::cli_exit_with_code(true)` calls and the options argument of "
            "`p2::bindings::cli::exit::add_to_linker`; report `cli_exit_with_code(false)` (no longer switchable).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v46.0.0/crates/wasi/src/p2/wit/deps/cli.wit",
    prefilter=(b"cli_exit_with_code", b"exit::add_to_linker"),
    apply=apply,
)
