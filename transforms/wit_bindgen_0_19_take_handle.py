"""`into_handle()` of imported resources became `take_handle()` in wit-bindgen 0.19.

0.16-0.18 generate `pub fn into_handle(self) -> u32` on every imported resource
(wit-bindgen-rust-0.18.0/src/interface.rs:1649); 0.19 generates `pub fn take_handle(&self) -> u32`
instead (wit-bindgen-rust-0.19.2/src/interface.rs:1786), which leaves the value empty so its drop does
nothing (wit-bindgen-0.19.2/src/lib.rs:585): `x.into_handle()` and `x.take_handle()` hand over the
same handle. The runtime's `Resource::into_handle(r)` (exported resources) became
`Resource::take_handle(&r)` at the same release.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import defined_methods, method_calls
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

OLD, NEW = "into_handle", "take_handle"


def apply(ctx: StepContext) -> None:
    # a project method of the same name may be what is called: report instead of renaming
    own = defined_methods(ctx.crate_roots(), OLD)
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {OLD}):
            if mc.args:
                continue
            if own:
                ctx.report(unit, mc.name, f"`.{OLD}()` of imported resources is `.{NEW}()` from wit-bindgen 0.19 "
                           f"(this crate also defines `{OLD}`: rename the call if it is a wit-bindgen resource)")
            else:
                ctx.replace(unit, mc.name, NEW)
        # in a proc-macro's `quote!` template (tokens, not a call): `. into_handle ()`
        for n in walk_types(unit.src.root, ("identifier",)):
            if n.parent is None or n.parent.type != "token_tree" or text(n) != OLD:
                continue
            dot, args = n.prev_sibling, n.next_sibling
            if dot is not None and dot.type == "." and args is not None and args.type == "token_tree" \
                    and text(args).replace(" ", "") == "()":
                if own:
                    ctx.report(unit, n, f"`.{OLD}()` of imported resources is `.{NEW}()` from wit-bindgen 0.19")
                else:
                    ctx.replace(unit, n, NEW)
        # `Resource::into_handle(r)` / `wit_bindgen::Resource::into_handle(r)`: by reference now
        for call in walk_types(unit.src.root, ("call_expression",)):
            fn = call.child_by_field_name("function")
            args = call.child_by_field_name("arguments")
            if fn is None or args is None or fn.type != "scoped_identifier":
                continue
            name, path = fn.child_by_field_name("name"), fn.child_by_field_name("path")
            if name is None or path is None or text(name) != OLD or text(path).split("::")[-1] != "Resource":
                continue
            arg = [a for a in args.named_children if a.type not in ("line_comment", "block_comment")]
            if len(arg) != 1:
                continue
            ctx.replace(unit, name, NEW)
            if arg[0].type != "reference_expression":
                ctx.insert(unit, arg[0].start_byte, "&")


STEP = Step(
    id="wit-bindgen-0.19-take-handle",
    family="wit-bindgen",
    from_version="0.18",
    to_version="0.19",
    safety=Safety.SAFE,
    title="Rename into_handle to take_handle",
    summary="Rewrite `.into_handle()` on imported resources to `.take_handle()` (and `Resource::into_handle(r)` "
            "to `Resource::take_handle(&r)`): wit-bindgen 0.19 generates only the borrowing form.",
    upstream="https://crates.io/crates/wit-bindgen/0.19.0",
    prefilter=(b"into_handle",),
    apply=apply,
)
