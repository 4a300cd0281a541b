"""wasmtime 27: WASI 0.2.2 gated `wasi:cli/exit.exit-with-code` and
`wasi:sockets/network.network-error-code` behind `@unstable` features, so the generated
`add_to_linker` of those interfaces, and of the `Command` worlds that include them, take a
`&LinkOptions` (which unstable features to link) between the linker and the closure.

`wasmtime_wasi::bindings::{cli::exit, sockets::network}::add_to_linker{,_get_host}(l, f)` and
`bindings::{,sync::}Command::add_to_linker(l, f)` get `&Default::default()` (every unstable
feature off, what 26 linked) as their new second argument. A `bindgen!` with the removed
`features: [..]` option is reported: unstable features are now chosen at link time.
"""

from __future__ import annotations

from wasm_codemod.rust.bindgen import wasmtime_bindgen_calls
from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import Safety, Step, StepContext

from ._report_only import path_calls

B = ("wasmtime_wasi", "bindings")
TARGETS = {B + ("Command", "add_to_linker"), B + ("sync", "Command", "add_to_linker")}
for _pre in (B, B + ("sync",)):
    for _iface in (("cli", "exit"), ("sockets", "network")):
        for _fn in ("add_to_linker", "add_to_linker_get_host"):
            TARGETS.add(_pre + _iface + (_fn,))


def apply(ctx: StepContext) -> None:
    for unit, node, opts in wasmtime_bindgen_calls(ctx):
        if opts is not None and opts.get("features") is not None:
            ctx.report(unit, node, "`bindgen!`'s `features: [..]` option was removed at 27: bindings for "
                       "`@unstable` items are always generated and switched on at link time, through the "
                       "`&LinkOptions` argument the generated `add_to_linker` now takes; delete the option and "
                       "pass e.g. `&LinkOptions::default().my_feature(true)` there")
    for unit in ctx.units:
        if b"add_to_linker" not in unit.src.data:
            continue
        for call in path_calls(ctx, unit, TARGETS):
            items = call_arguments(call)
            if len(items) != 2:
                continue  # already three arguments (done), or a shape we do not know
            ctx.insert(unit, items[1].start_byte, "&Default::default(), ")


STEP = Step(
    id="wasmtime-27-link-options",
    family="wasmtime",
    from_version="26",
    to_version="27",
    safety=Safety.SAFE,
    title="Pass LinkOptions to the WASI bindings' add_to_linker",
    summary="Insert `&Default::default()` (the new `&LinkOptions`) into `add_to_linker` calls of "
            "`wasmtime_wasi::bindings::{cli::exit, sockets::network}` and `Command`, gated by WASI 0.2.2 at 27.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9381",
    prefilter=(b"add_to_linker", b"features"),
    apply=apply,
)
