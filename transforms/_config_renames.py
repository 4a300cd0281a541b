"""`Config` method renames (wasmtime 27/28 memory settings): rename the method at each call on a
wasmtime `Config`, report where the receiver cannot be told apart from a project type.

A rename may also invert a bool argument (`static_memory_forced(b)` -> `memory_may_move(!b)`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wasm_codemod.rust.calls import method_calls, receiver_decision
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import StepContext

CONFIG = {("wasmtime", "Config")}
SIMPLE = ("identifier", "field_expression", "call_expression", "boolean_literal")


@dataclass(frozen=True)
class Rename:
    new: str
    invert: bool = False  # the new method takes the negation of the old bool


def _negate(arg_text: str, kind: str) -> str:
    if kind == "boolean_literal":
        return "false" if arg_text == "true" else "true"
    if kind == "unary_expression" and arg_text.startswith("!"):
        return arg_text[1:].strip()
    return f"!{arg_text}" if kind in SIMPLE else f"!({arg_text})"


def rename_config_methods(renames: dict[str, Rename]) -> Callable[[StepContext], None]:
    def apply(ctx: StepContext) -> None:
        roots = [u.src.root for u in ctx.units]
        for unit in ctx.units:
            if b"wasmtime" not in unit.src.data and b"Config" not in unit.src.data:
                continue  # a file that never names wasmtime or a Config is not configuring an engine
            for mc in method_calls(unit.src.root, frozenset(renames)):
                r = renames[mc.method]
                if len(mc.args) != 1:
                    continue
                decision = receiver_decision(unit.names, mc.receiver, CONFIG, mc.method, roots)
                if decision == "skip":
                    continue
                if decision == "report":
                    ctx.report(unit, mc.call, f"cannot tell whether `{text(mc.receiver)}` is a wasmtime `Config` "
                               f"(this crate defines its own `{mc.method}`): if it is, call `.{r.new}(..)` instead"
                               + (" with the negated argument" if r.invert else ""))
                    continue
                ctx.replace(unit, mc.name, r.new)
                if r.invert:
                    arg = mc.args[0]
                    ctx.replace(unit, arg, _negate(text(arg), arg.type))
    return apply
