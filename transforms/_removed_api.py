"""Report-only steps for removed `Config` switches and similar methods: one follow-up per call site.

A method name alone cannot prove the receiver is a wasmtime `Config`, so these steps only
report (never delete): the message names the method and what replaces it, if anything.
"""

from __future__ import annotations

from collections.abc import Callable

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.transform import StepContext


def report_methods(removed: dict[str, str], needs: bytes = b"wasmtime") -> Callable[[StepContext], None]:
    """An ``apply`` that reports each call of a method in ``removed`` (name -> what to do)."""

    def apply(ctx: StepContext) -> None:
        for unit in ctx.units:
            if needs not in unit.src.data:
                continue  # a file that never names wasmtime is not configuring it
            for mc in method_calls(unit.src.root, frozenset(removed)):
                ctx.report(unit, mc.call, f"`.{mc.method}(..)` no longer exists at wasmtime {ctx.step.to_version}: "
                           f"{removed[mc.method]}")

    return apply
