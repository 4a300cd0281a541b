"""P42.1: from wasmtime-py 42, `Trap.message` and `str(trap)` end with a newline.

Checked in the wheels with `RUST_BACKTRACE=0`: the message of an `unreachable` trap ends in
"instruction executed" up to 41.0.0 and in "instruction executed\n" from 42.0.0 (the backtrace
frame indentation already changed at 32). Code that compares the text exactly needs a look: the
step reports `==`/`!=` and `.endswith` on the message of a caught `Trap`; `in` still works.
"""

from __future__ import annotations

import libcst as cst

from wasm_codemod.python.context import PyContext, PyUnit, StepTransformer
from wasm_codemod.transform import Safety, Step

TRAP = {"wasmtime.Trap", "wasmtime._trap.Trap"}
RAISES = {"pytest.raises"}
MSG = ("`Trap.message` / `str(trap)` end with a newline from wasmtime-py 42: this exact comparison "
       "changes meaning; compare `.rstrip()` (or use `in`)")


class _Compare(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit) -> None:
        super().__init__(ctx, unit)
        self.bound: set[str] = set()  # names of caught traps
        self.wrapped: set[str] = set()  # names of pytest ExceptionInfo objects (`.value` is the trap)
        self.found: list[int] = []

    def _is_trap_type(self, node: cst.BaseExpression | None) -> bool:
        if node is None:
            return False
        if isinstance(node, cst.Tuple):
            return any(self._is_trap_type(e.value) for e in node.elements)
        return self.is_name(node, TRAP)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> bool:
        if self._is_trap_type(node.type) and node.name is not None and isinstance(node.name.name, cst.Name):
            self.bound.add(node.name.name.value)
        return True

    def visit_WithItem(self, node: cst.WithItem) -> bool:
        call = node.item
        if isinstance(call, cst.Call) and self.is_name(call.func, RAISES) and call.args \
                and self._is_trap_type(call.args[0].value) and node.asname is not None \
                and isinstance(node.asname.name, cst.Name):
            self.wrapped.add(node.asname.name.value)
        return True

    def _trap(self, e: cst.BaseExpression) -> bool:
        if isinstance(e, cst.Name):
            return e.value in self.bound
        return isinstance(e, cst.Attribute) and e.attr.value == "value" and isinstance(e.value, cst.Name) \
            and e.value.value in self.wrapped

    def _text(self, e: cst.BaseExpression) -> bool:
        """`t.message` or `str(t)` of a caught trap."""
        if isinstance(e, cst.Attribute) and e.attr.value == "message":
            return self._trap(e.value)
        if isinstance(e, cst.Call) and isinstance(e.func, cst.Name) and e.func.value == "str" and len(e.args) == 1:
            return self._trap(e.args[0].value)
        return False

    def visit_Comparison(self, node: cst.Comparison) -> bool:
        ops = [t for t in node.comparisons if isinstance(t.operator, cst.Equal | cst.NotEqual)]
        if ops and (self._text(node.left) or any(self._text(t.comparator) for t in ops)):
            self.found.append(self.line(node))
        return True

    def visit_Call(self, node: cst.Call) -> bool:
        f = node.func
        if isinstance(f, cst.Attribute) and f.attr.value == "endswith" and self._text(f.value):
            self.found.append(self.line(node))
        return True


def apply(ctx: PyContext) -> None:
    for unit in ctx.mentioning("Trap"):
        cmp = ctx.transform(unit, _Compare)
        assert isinstance(cmp, _Compare)
        for line in cmp.found:
            ctx.report(unit, line, MSG, "review")


STEP = Step(
    id="wasmtime-py-42-trap-message",
    family="wasmtime-py",
    from_version="41",
    to_version="42",
    safety=Safety.MANUAL,
    title="Report exact comparisons of trap messages",
    summary="Report `==`, `!=` and `.endswith` on `Trap.message` / `str(trap)` of a caught `wasmtime.Trap`, "
            "whose text ends with a newline from 42.",
    upstream="https://github.com/bytecodealliance/wasmtime-py/commit/788252c",
    prefilter=(),  # a caught `wasmtime.Trap` needs the `wasmtime` family token already
    python=apply,
)
