"""`__link_section` is no longer generated from wit-bindgen 0.20.

0.16-0.19 emit `pub fn __link_section() {}` beside the bindings (wit-bindgen-rust-0.16.0/src/lib.rs:507,
wit-bindgen-rust-0.19.2/src/lib.rs:606) for crates that re-export the bindings so the component-type
section is linked in; 0.20 puts that custom section behind `export!` and the import functions
(wit-bindgen-rust-0.20.0/src/lib.rs:701-728) and no longer has the function. A `use` of it is deleted;
any other mention is reported.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

NAME = "__link_section"


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        uses = []
        for decl in walk_types(unit.src.root, ("use_declaration",)):
            arg = decl.child_by_field_name("argument")
            if arg is not None and text(arg).replace(" ", "").split("::")[-1] == NAME:
                uses.append(decl)
        for decl in uses:
            ctx.delete_item(unit, decl)
        done = {(d.start_byte, d.end_byte) for d in uses}
        for n in walk_types(unit.src.root, ("identifier",)):
            if text(n) != NAME:
                continue
            p = n.parent
            while p is not None and p.type != "use_declaration":
                p = p.parent
            if p is not None and (p.start_byte, p.end_byte) in done:
                continue
            ctx.report(unit, n, "`__link_section` is not generated from wit-bindgen 0.20 (the component type "
                       "is linked through `export!` and the imports): delete this use of it")


STEP = Step(
    id="wit-bindgen-0.20-link-section",
    family="wit-bindgen",
    from_version="0.19",
    to_version="0.20",
    safety=Safety.SAFE,
    title="Drop the __link_section re-export",
    summary="Delete `use ...::__link_section;` (wit-bindgen 0.20 no longer generates it) and report other uses.",
    upstream="https://crates.io/crates/wit-bindgen/0.20.0",
    prefilter=(b"__link_section",),
    apply=apply,
)
