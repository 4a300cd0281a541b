"""wiggle 33: `witx: [..]` paths are no longer shell-expanded.

Up to 32 wiggle-generate ran each path of `from_witx!({ witx: [..] })` through
`shellexpand::env`, so `"$CARGO_MANIFEST_DIR/abi/x.witx"` was the common spelling; from 33
(wiggle-generate 33.0.2, config.rs) a path is joined onto `CARGO_MANIFEST_DIR` as written, so
the `$CARGO_MANIFEST_DIR/` prefix would be looked up literally. The prefix is dropped; a path with
any other `$VAR` is reported.
"""

from __future__ import annotations

import re

from wasm_codemod.rust.parse import text, walk
from wasm_codemod.transform import Safety, Step, StepContext

PREFIX = re.compile(r'^"\$(?:CARGO_MANIFEST_DIR|\{CARGO_MANIFEST_DIR\})/+')
OTHER_VAR = re.compile(r"\$(?:\w+|\{\w+\})")


def apply(ctx: StepContext) -> None:
    for unit, call in ctx.macro_calls({"from_witx"}):
        for n in walk(call):
            if n.type != "string_literal":
                continue
            lit = text(n)
            if PREFIX.match(lit):
                ctx.replace(unit, n, '"' + PREFIX.sub("", lit, count=1))
            elif OTHER_VAR.search(lit):
                ctx.report(unit, n, f"wiggle no longer expands environment variables in `witx` paths (33): {lit} "
                           "is read literally, relative to the crate's directory; write the path out")


STEP = Step(
    id="wasmtime-33-witx-paths",
    family="wasmtime",
    from_version="32",
    to_version="33",
    safety=Safety.SAFE,
    title="Drop $CARGO_MANIFEST_DIR from wiggle witx paths",
    summary="`from_witx!({ witx: [\"$CARGO_MANIFEST_DIR/x.witx\"] })` becomes `witx: [\"x.witx\"]`: from 33 "
            "wiggle joins the paths onto the crate directory and no longer expands variables.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v33.0.0/crates/wiggle/generate/src/config.rs",
    prefilter=(b"from_witx",),
    apply=apply,
)
