"""wasmtime 27: `wasmtime_wasi::I32Exit::process_exit_code()` was removed (the masking of exit
codes Windows cannot report moved into the wasmtime CLI).

`e.process_exit_code()` is replaced by the body the method had at 26,
`if cfg!(windows) && e.0 >= 3 { 1 } else { e.0 }`, so the process exits with the same code.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls, receiver_decision
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

I32EXIT = {("wasmtime_wasi", "I32Exit"), ("wasi_common", "I32Exit")}
SIMPLE = ("identifier", "field_expression", "self")


def apply(ctx: StepContext) -> None:
    roots = [u.src.root for u in ctx.units]
    for unit in ctx.units:
        if b"I32Exit" not in unit.src.data:
            continue  # the receiver is an `I32Exit` only where the file names the type
        for mc in method_calls(unit.src.root, {"process_exit_code"}):
            if mc.args:
                continue
            decision = receiver_decision(unit.names, mc.receiver, I32EXIT, mc.method, roots)
            if decision == "skip":
                continue
            recv = text(mc.receiver)
            if decision == "report":
                ctx.report(unit, mc.call, f"`I32Exit::process_exit_code` was removed at 27: if `{recv}` is an "
                           f"`I32Exit`, write `if cfg!(windows) && {recv}.0 >= 3 {{ 1 }} else {{ {recv}.0 }}`")
                continue
            r = recv if mc.receiver.type in SIMPLE else f"({recv})"
            ctx.replace(unit, mc.call, f"if cfg!(windows) && {r}.0 >= 3 {{ 1 }} else {{ {r}.0 }}")


STEP = Step(
    id="wasmtime-27-i32-exit-code",
    family="wasmtime",
    from_version="26",
    to_version="27",
    safety=Safety.SAFE,
    title="Inline the removed I32Exit::process_exit_code",
    summary="Replace `exit.process_exit_code()` (removed from `wasmtime_wasi::I32Exit` at 27) with the "
            "expression it computed: the code, or 1 on Windows for codes of 3 and more.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v26.0.1/crates/wasi/src/error.rs",
    prefilter=(b"process_exit_code",),
    apply=apply,
)
