"""E50.4: the `wasmtime_wasi::SystemTimeSpec` re-export was removed (wasmtime-wasi dropped cap-primitives).

Nothing in wasmtime-wasi's API takes the type any more; code that still names it gets it from
`cap_primitives::fs::SystemTimeSpec` (the same type the re-export pointed at) with a direct
`cap-primitives = "4"` dependency.
"""

from __future__ import annotations

from wasm_codemod.transform import ManifestContext, Safety, Step

CAP = "cap-primitives"


def manifest(ctx: ManifestContext) -> None:
    deps = ctx.data.get("dependencies")
    if deps is None or "wasmtime-wasi" not in deps or CAP in deps or not ctx.source_mentions(b"SystemTimeSpec"):
        return
    ctx.doc["dependencies"][CAP] = "4"
    ctx.changed = True
    ctx.report(ctx.line_of_key("wasmtime-wasi"), "`wasmtime_wasi::SystemTimeSpec` was removed at 50: added "
               "`cap-primitives = \"4\"` for `cap_primitives::fs::SystemTimeSpec`; check that the code using it "
               "(usually custom filesystem code) still makes sense", severity="review")


STEP = Step(
    id="wasmtime-50-systemtimespec",
    family="wasmtime",
    from_version="49",
    to_version="50",
    safety=Safety.REVIEW,
    title="Take SystemTimeSpec from cap-primitives",
    summary="Rewrite `wasmtime_wasi::SystemTimeSpec` to `cap_primitives::fs::SystemTimeSpec` and add the "
            "`cap-primitives` dependency.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v49.0.5/crates/wasi/src/lib.rs",
    prefilter=(b"SystemTimeSpec",),
    moves={"wasmtime_wasi::SystemTimeSpec": "cap_primitives::fs::SystemTimeSpec"},
    manifest=manifest,
)
