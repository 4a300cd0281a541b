"""Builders of `CompilerFix` rules that several steps can use (see docs/fix-loop.md)."""

from __future__ import annotations

import re

from wasm_codemod.transform import CompilerFix

# where a `Store` (or a `&mut` to one) is bound, nearest first: `let mut store = Store::new(..)`,
# a parameter `store: &mut Store<T>` or `cx: &mut impl AsContextMut`. `&mut <name>` works for all
# three: `&mut T` is `AsContextMut` when `T` is.
STORE_BINDINGS = (
    ("store", r"\blet\s+mut\s+(?P<store>\w+)\s*(?::[^=;]+)?=\s*(?:wasmtime::)?Store::(?:new|default)\b"),
    ("store", r"\b(?P<store>\w+)\s*:\s*&\s*mut\s+(?:wasmtime::)?Store\b"),
    ("store", r"\b(?P<store>\w+)\s*:\s*&\s*mut\s+impl\s+(?:wasmtime::)?AsContextMut\b"),
)


def store_first(method: str, since: str) -> CompilerFix:
    """`recv.method(args)` -> `recv.method(&mut store, args)` for a method that takes the store as its
    new first argument (rustc: E0061 "argument #1 of type `&mut _` is missing"), with the store the
    enclosing function binds before the call. Without such a binding the error is left to a person."""
    return CompilerFix(
        "E0061", r"^this method takes \d+ arguments? but \d+ arguments? (was|were) supplied.*argument #1 of type "
                 r"`&mut [^`]*` is missing",
        site=rf"\b{re.escape(method)}\s*\((?P<args>[^()]*(?:\([^()]*\)[^()]*)*)\)",
        replace=f"{method}(&mut {{store}}, {{args}})", lookups=STORE_BINDINGS,
        note=f"`{method}` takes the store first from {since}: pass `&mut <store>`")
