"""The `exports: { .. }` map of `generate!` became the `export!` macro in wit-bindgen 0.20.

0.16-0.19 take `exports: { world: T, "ns:pkg/iface": T, "ns:pkg/iface/res": R }` and write
`use <path to the generate! module>::T` into the generated code
(wit-bindgen-rust-0.16.0/src/interface.rs:141-146, option parsed at
wit-bindgen-rust-macro-0.19.2/src/lib.rs:345-351). 0.20 drops the option (the `Opt::Exports` arm is
gone from wit-bindgen-rust-macro-0.20.0/src/lib.rs; the error lists the options it still takes) and
generates `export!` next to the bindings, `($ty:ident) => (self::export!($ty with_types_in self))`
(wit-bindgen-rust-0.20.0/src/lib.rs:667-693): one type implements every `Guest` trait, and it is
named where `generate!` is invoked, so `export!(T);` right after the call resolves `T` as the map did.
Exported resources are no longer map entries but the associated `type` of their interface's `Guest`
impl, with a new handle API: those are reported.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.guest import generate_calls
from wasm_codemod.rust.macro_options import remove_entry
from wasm_codemod.transform import Safety, Step, StepContext

from ._guest import template_generate_calls, template_option

IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _is_resource_key(key: str) -> bool:
    # "ns:pkg/iface[@v]/res" or, for an interface named in the world, "iface/res"
    return key.count("/") >= (2 if ":" in key else 1)


def _fillers(key: Node) -> list[Node]:
    """`let x = ..;` of the enclosing fn for each `#x` interpolated into the template's `exports: {..}`."""
    from wasm_codemod.rust.calls import enclosing_fn
    from wasm_codemod.rust.parse import text, walk_types

    colon = key.next_sibling
    value = colon.next_sibling if colon is not None and colon.type == ":" else None
    fn = enclosing_fn(key)
    if value is None or value.type != "token_tree" or fn is None:
        return []
    names: set[str] = set()
    kids = value.children
    for a, b in zip(kids, kids[1:], strict=False):
        if a.type == "#" and b.type == "identifier":
            names.add(text(b))
    out = []
    for let in walk_types(fn, ("let_declaration",)):
        pat = let.child_by_field_name("pattern")
        if pat is not None and pat.type == "identifier" and text(pat) in names:
            out.append(let)
    return out


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for _gen, body in template_generate_calls(unit.src.root):
            e = template_option(body, "exports")
            if e is not None:
                ctx.report(unit, e, "this `wit_bindgen::generate!` template still passes `exports`, removed in "
                           "wit-bindgen 0.20: drop it (and what fills it) and emit `export!(T);` after the call, "
                           "T being the type that implements the `Guest` traits")
                for let in _fillers(e):
                    ctx.report(unit, let, "this value fills the `exports` map of a `wit_bindgen::generate!` "
                               "template (removed in wit-bindgen 0.20): it goes with the map; the type it names "
                               "is what `export!(T);` takes")
    for unit, node, opts in generate_calls(ctx):
        e = opts.get("exports")
        if e is None:
            continue
        if e.value.kind != "map":
            ctx.report(unit, e.start, "`exports` was removed from `generate!` in wit-bindgen 0.20: delete it and "
                       "invoke `export!(T);` after this call with the type that implements the `Guest` traits")
            continue
        types = {x.value.text.strip() for x in e.value.entries if not _is_resource_key(x.key)}
        resources = [x for x in e.value.entries if _is_resource_key(x.key)]
        if len(types) != 1 or not IDENT.match(next(iter(types))):
            what = ("different types: from 0.20 one type implements every `Guest` trait"
                    if len(types) > 1 else "a type `export!` cannot take (it takes one identifier)")
            ctx.report(unit, e.start, f"`exports` was removed from `generate!` in wit-bindgen 0.20 and this map "
                       f"names {what}; delete it and invoke `export!(T);` after this call")
            continue
        ty = next(iter(types))
        if not remove_entry(unit.src, unit.edits, e, ctx.step.id, opts.options):
            ctx.report(unit, e.start, "overlapping rewrite skipped (exports map); check this site by hand")
            continue
        # after the `;` that ends the invocation, on its own line at the call's indentation
        end = node.end_byte
        nxt = node.next_sibling
        if nxt is not None and nxt.type in ("empty_statement", ";"):
            end = nxt.end_byte
        indent = unit.src.indent_at(node.start_byte)
        ctx.insert(unit, end, f"\n{indent}export!({ty});")
        for r in resources:
            res = r.key.rsplit("/", 1)[1]
            camel = "".join(p[:1].upper() + p[1:] for p in res.split("-"))
            ctx.report(unit, node, f"exported resource `{res}`: from wit-bindgen 0.20 write "
                       f"`type {camel} = {r.value.text.strip()};` in `{ty}`'s impl of that interface's `Guest` "
                       f"trait; `Own{camel}`/`wit_bindgen::Resource::new(x)` become `{camel}`/`{camel}::new(x)` "
                       f"and borrowed parameters `{camel}Borrow<'_>` (`.get()`)")


STEP = Step(
    id="wit-bindgen-0.20-export-macro",
    family="wit-bindgen",
    from_version="0.19",
    to_version="0.20",
    safety=Safety.REVIEW,
    title="Replace the exports map by export!",
    summary="Delete `exports: { .. }` from `generate!` and invoke `export!(T);` after the call when the map "
            "names one type; report maps with several types and exported resources.",
    upstream="https://crates.io/crates/wit-bindgen/0.20.0",
    prefilter=(b"exports",),
    apply=apply,
)
