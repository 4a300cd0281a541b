"""E42.2: `Config::async_support` is a deprecated no-op; `Engine::is_async` was removed.

Deleting `async_support(..)` is a cleanup (it only warns, and is still present in 50), so the
step is `review`. Calls of `engine.is_async()` are reported: there is no replacement.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import classify_receiver, method_calls, receiver_decision, statement_of
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

CONFIG = {("wasmtime", "Config")}
ENGINE = {("wasmtime", "Engine")}
PLACE = ("identifier", "field_expression", "self")


def apply(ctx: StepContext) -> None:
    roots = ctx.crate_roots()
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"async_support", "is_async"}):
            if mc.method == "is_async":
                if not mc.args and classify_receiver(unit.names, mc.receiver, ENGINE) != "other" \
                        and "engine" in text(mc.receiver).lower():
                    ctx.report(unit, mc.call, "`Engine::is_async` was removed in 42: every engine can run async "
                               "code now; decide from your own configuration (e.g. keep the flag you passed to "
                               "`Config::async_support`) or drop the check")
                continue
            if len(mc.args) != 1:
                continue
            decision = receiver_decision(unit.names, mc.receiver, CONFIG, mc.method, roots)
            if decision == "skip":
                continue  # the receiver is declared as another type (e.g. the project's own builder)
            if decision == "report":
                ctx.report(unit, mc.call, f"cannot tell whether `{text(mc.receiver)}` is a wasmtime `Config` (this "
                           "crate defines its own `async_support`): if it is, delete the call, it has no effect "
                           "from 42", "review")
                continue
            stmt = statement_of(mc.call)
            if stmt is not None and mc.receiver.type in PLACE:
                ctx.delete_lines(unit, stmt)
            else:
                # a link in a builder chain: keep the receiver
                ctx.replace(unit, mc.call, text(mc.receiver))
            ctx.report(unit, stmt or mc.call, f"removed `async_support({text(mc.args[0])})`: it has no effect "
                       "from 42 (a store needs async when async host functions, epoch or fuel yielding are used)",
                       "review")


STEP = Step(
    id="wasmtime-42-async-support",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.REVIEW,
    title="Drop Config::async_support",
    summary="Delete `config.async_support(..)` (a deprecated no-op from 42) and report uses of the removed "
            "`Engine::is_async`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12371",
    prefilter=(b"async_support", b"is_async"),
    apply=apply,
)
