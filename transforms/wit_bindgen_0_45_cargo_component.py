"""T1: cargo-component guests move to plain cargo + `wit_bindgen::generate!` (reported with the recipe).

`wit-bindgen-rt` is not published past 0.44 and cargo-component's checked-in `src/bindings.rs`
is generated code that must not be edited by hand, so the migration is a recipe, not a rewrite.
"""

from __future__ import annotations

from wasm_codemod.transform import ManifestContext, Safety, Step

from ._cargo_component import component_metadata


def manifest(ctx: ManifestContext) -> None:
    comp = component_metadata(ctx.data)
    if comp is None:
        return
    target = comp.get("target") if hasattr(comp, "get") else None
    path, world = "wit", "<ns:pkg/world>"
    registry = isinstance(target, str)
    if hasattr(target, "get"):
        path = str(target.get("path", "wit"))
        world = str(target.get("world", world))
    deps = (hasattr(target, "get") and target.get("dependencies")) or comp.get("dependencies")
    line = ctx.line_of_key("package.metadata.component")
    if registry or deps:
        ctx.report(line, "cargo-component crate whose WIT comes from a registry or has dependencies: fetch them "
                   "into wit/deps first (`wkg wit fetch`), then follow the recipe in "
                   "docs/guest-upgrade-guide.md#cargo-component")
        return
    ctx.report(line, "cargo-component crate: wit-bindgen-rt ends at 0.44. Migrate to plain cargo: (1) in "
               f"Cargo.toml replace `wit-bindgen-rt` by `wit-bindgen = \"{ctx.target}\"`; (2) replace the whole "
               "generated src/bindings.rs with `wit_bindgen::generate!({ path: \"" + path + "\", world: \""
               + world + "\", generate_all });` (keep `mod bindings;` and `bindings::export!(X with_types_in "
               "bindings)`); (3) drop [package.metadata.component]; (4) build with "
               "`cargo build --target wasm32-wasip2`")


STEP = Step(
    id="wit-bindgen-0.45-cargo-component",
    family="wit-bindgen",
    from_version="0.44",
    to_version="0.45",
    safety=Safety.MANUAL,
    title="Move cargo-component guests to plain cargo",
    summary="Report cargo-component crates (`[package.metadata.component]`, generated bindings.rs) with the exact "
            "recipe to move to `wit_bindgen::generate!` and `cargo build --target wasm32-wasip2`.",
    upstream="https://github.com/bytecodealliance/cargo-component#readme",
    manifest=manifest,
    handles_crates=("wit-bindgen-rt",),
)
