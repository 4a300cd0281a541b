"""B16: wit-parser 0.241 (wit-bindgen 0.48) dropped the `[async]` prefixes from function names."""

from __future__ import annotations

import re

from wasm_codemod.rust.guest import generate_calls
from wasm_codemod.rust.macro_options import replace_value
from wasm_codemod.transform import Safety, Step, StepContext

from ._guest import rust_string

_PREFIX = re.compile(r"#\[async( (method|static))?\]")


def _plain(s: str) -> str:
    return _PREFIX.sub(lambda m: f"#[{m.group(2)}]" if m.group(2) else "#", s)


def apply(ctx: StepContext) -> None:
    for unit, _node, opts in generate_calls(ctx):
        e = opts.get("async")
        if e is None or e.value.kind != "list":
            continue
        for item in e.value.items:
            s = item.string
            if s is not None and _PREFIX.search(s):
                replace_value(unit.src, unit.edits, item, rust_string(_plain(s)), ctx.step.id)


STEP = Step(
    id="wit-bindgen-0.48-async-names",
    family="wit-bindgen",
    from_version="0.47",
    to_version="0.48",
    safety=Safety.SAFE,
    title="Drop [async] prefixes from async filter names",
    summary="In `async: [..]` entries, write `#[async]f` as `#f` and `#[async method]r.m` as `#[method]r.m`: "
            "function names lost their async prefixes in wit-parser 0.241.",
    upstream="https://github.com/bytecodealliance/wasm-tools/pull/2376",
    prefilter=(b"[async",),
    apply=apply,
)
