"""E46.1 + E46.2: Cargo feature `component-model-async-bytes` → `component-model-bytes`;
`wasmtime::component::InstanceExportLookup` → `wasmtime::component::ExportLookup`.

At 45 `component-model-async-bytes` also enabled `component-model-async`; at 46 `component-model-bytes`
enables only `dep:bytes`. With `default-features = false` (where cm-async is not on by default) the
manifest hook adds `component-model-async` next to the renamed feature so nothing is lost.
"""

from __future__ import annotations

from wasm_codemod import cargo
from wasm_codemod.transform import FeatureChange, ManifestContext, Safety, Step


def manifest(ctx: ManifestContext) -> None:
    for dep in cargo.iter_deps(ctx.data):
        if dep.name != "wasmtime" or dep.workspace:
            continue
        item = dep.item
        if not hasattr(item, "get"):
            continue
        dflt = item.get("default-features", item.get("default_features"))
        feats = item.get("features")
        if dflt is None or bool(dflt) or feats is None:
            continue
        names = [str(x) for x in feats]
        if "component-model-bytes" in names and "component-model-async" not in names:
            cargo.live_dep(ctx.doc, dep).item["features"].append("component-model-async")
            ctx.changed = True
            ctx.report(ctx.line_of_key(dep.key), "`component-model-async-bytes` (45) also enabled "
                       "`component-model-async`; its 46 name `component-model-bytes` does not, so "
                       "`component-model-async` was added (remove it if you do not use component-model async)",
                       severity="info")


STEP = Step(
    id="wasmtime-46-renames",
    family="wasmtime",
    from_version="45",
    to_version="46",
    safety=Safety.SAFE,
    title="Rename component-model-async-bytes and InstanceExportLookup",
    summary="Rename the wasmtime Cargo feature `component-model-async-bytes` to `component-model-bytes` (keeping "
            "`component-model-async` when default features are off) and `InstanceExportLookup` to `ExportLookup`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/13366",
    prefilter=(b"InstanceExportLookup",),
    moves={"wasmtime::component::InstanceExportLookup": "wasmtime::component::ExportLookup"},
    features=(FeatureChange("wasmtime", "component-model-async-bytes", "component-model-bytes"),),
    manifest=manifest,
)
