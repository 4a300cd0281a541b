"""B15: the `async` feature of wit-bindgen no longer enables `macros` from 0.48."""

from __future__ import annotations

from wasm_codemod import cargo
from wasm_codemod.rust.guest import rust_files
from wasm_codemod.transform import ManifestContext, Safety, Step

from ._guest import add_features, default_features_off, has_feature, wb_deps


def manifest(ctx: ManifestContext) -> None:
    deps = [d for d in wb_deps(ctx.data) if default_features_off(d) and has_feature(d, "async")
            and not has_feature(d, "macros")]
    if not deps:
        return
    uses = any(b"generate!" in f.read_bytes() for f in rust_files(ctx.file)) if ctx.file else True
    for dep in deps:
        if not uses and dep.table != "workspace.dependencies":
            continue
        if add_features(cargo.live_dep(ctx.doc, dep), ["macros"]):
            ctx.changed = True


STEP = Step(
    id="wit-bindgen-0.48-async-macros",
    family="wit-bindgen",
    from_version="0.47",
    to_version="0.48",
    safety=Safety.SAFE,
    title="Add the macros feature next to async",
    summary="Where wit-bindgen has `default-features = false` and the feature `async` but not `macros`, add "
            "`macros` when the crate calls `generate!`.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1408",
    manifest=manifest,
)
