"""B9: `std` and `bitflags` became default features of wit-bindgen at 0.45."""

from __future__ import annotations

from pathlib import Path

from wasm_codemod.transform import ManifestContext, Safety, Step

from ._guest import add_features, default_features_off, wb_deps


def _no_std(manifest: Path | None) -> bool:
    if manifest is None:
        return False
    lib = Path(manifest).parent / "src" / "lib.rs"
    return lib.is_file() and b"#![no_std]" in lib.read_bytes()


def _wanted(dep) -> bool:
    return not (dep.workspace and dep.table != "workspace.dependencies") and default_features_off(dep)


def manifest(ctx: ManifestContext) -> None:
    if not any(_wanted(dep) for dep in wb_deps(ctx.data)):
        return
    for dep in wb_deps(ctx.doc):
        if dep.workspace and dep.table != "workspace.dependencies" or not default_features_off(dep):
            continue
        want = ["bitflags"] + ([] if _no_std(ctx.file) or dep.table == "workspace.dependencies" else ["std"])
        added = add_features(dep, want)
        if added:
            ctx.changed = True
            ctx.report(ctx.line_of_key(dep.key), f"`default-features = false`: added {', '.join(added)} (on by "
                       "default from 0.45, always on before); remove them if you do not need flags methods / std",
                       severity="info")


STEP = Step(
    id="wit-bindgen-0.45-default-features",
    family="wit-bindgen",
    from_version="0.44",
    to_version="0.45",
    safety=Safety.SAFE,
    title="Keep bitflags and std with default-features = false",
    summary="Where wit-bindgen has `default-features = false`, add the features `bitflags` (always on before 0.45) "
            "and `std` (unless the crate is `no_std`).",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1369",
    manifest=manifest,
)
