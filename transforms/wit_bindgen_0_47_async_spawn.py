"""B14: `wit_bindgen::spawn` needs the `async-spawn` feature from 0.47; the `futures` re-export is gone."""

from __future__ import annotations

import tomlkit

from wasm_codemod import cargo
from wasm_codemod.rust.guest import uses_items
from wasm_codemod.transform import ManifestContext, Safety, Step

from ._guest import add_features, has_feature, wb_deps

SPAWN = {
    ("wit_bindgen", "spawn"),
    ("wit_bindgen", "spawn_local"),
    ("wit_bindgen", "rt", "async_support", "spawn"),
    ("wit_bindgen", "rt", "async_support", "spawn_local"),
    ("wit_bindgen_rt", "async_support", "spawn"),
}
FUTURES = {("wit_bindgen", "rt", "async_support", "futures"), ("wit_bindgen_rt", "async_support", "futures")}


def manifest(ctx: ManifestContext) -> None:
    if ctx.file is None:
        return
    spawn = uses_items(ctx.file, SPAWN, b"spawn")
    futures = uses_items(ctx.file, FUTURES, b"futures")
    if not spawn and not futures:
        return
    for dep in wb_deps(ctx.data):
        if dep.table == "workspace.dependencies":
            continue  # members that spawn add the feature on their own entry
        if spawn and not has_feature(dep, "async-spawn") and add_features(cargo.live_dep(ctx.doc, dep),
                                                                          ["async-spawn"]):
            ctx.changed = True
    if futures and not any(d.name == "futures" for d in cargo.iter_deps(ctx.data)):
        deps = ctx.doc.get("dependencies")
        if deps is None:
            ctx.doc["dependencies"] = tomlkit.table()
            deps = ctx.doc["dependencies"]
        deps["futures"] = "0.3"
        ctx.changed = True
        f, line, _ = futures[0]
        ctx.report(ctx.line_of_key("wit-bindgen"), "added `futures = \"0.3\"`: "
                   f"`wit_bindgen::rt::async_support::futures` (used at {f.name}:{line}) is no longer re-exported",
                   severity="info")


STEP = Step(
    id="wit-bindgen-0.47-async-spawn",
    family="wit-bindgen",
    from_version="0.46",
    to_version="0.47",
    safety=Safety.SAFE,
    title="Enable async-spawn where spawn is called",
    summary="Add the `async-spawn` feature to wit-bindgen when the crate calls `wit_bindgen::spawn`, and depend on "
            "`futures` directly where the removed `async_support::futures` re-export was used.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1392",
    prefilter=(b"futures",),
    moves={
        "wit_bindgen::rt::async_support::futures": "futures",
    },
    manifest=manifest,
)
