"""Paths and helpers shared by the wasi-http steps (43 p2 move, 48 back at the root, 50 header filter)."""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.calls import defined_methods
from wasm_codemod.rust.calls import method_calls as _method_calls
from wasm_codemod.transform import RustUnit, StepContext

from ._wasi import paths

# the view trait as it was spelled up to 42 (`types` was a public module holding it)
OLD_HTTP_VIEW = paths("wasmtime_wasi_http::WasiHttpView", "wasmtime_wasi_http::types::WasiHttpView")
# the hooks trait: `p2::WasiHttpHooks` in 43-47, at the root from 48
HOOKS_43 = paths("wasmtime_wasi_http::p2::WasiHttpHooks")
HOOKS_48 = paths("wasmtime_wasi_http::WasiHttpHooks")


def uses_http(unit: RustUnit) -> bool:
    return b"wasmtime_wasi_http" in unit.src.data


def user_defines_fn(ctx: StepContext, name: str, skip: set[int]) -> bool:
    """Does the crate define a fn/method ``name`` outside the impl blocks whose ids are in ``skip``?"""
    return defined_methods(ctx.crate_roots(), name, skip)


def method_calls(unit: RustUnit, names: set[str]) -> list[tuple[Node, Node, Node]]:
    """`recv.name(args)` calls as (call, field_expression, receiver)."""
    return [(mc.call, mc.name.parent, mc.receiver) for mc in _method_calls(unit.src.root, frozenset(names))]

