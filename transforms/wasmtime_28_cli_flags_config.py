"""wasmtime-cli-flags 28: `CommonOptions::config` lost its `target` argument.

Up to 27 it was `config(&mut self, target: Option<&str>, pooling_allocator_default: Option<bool>)`;
from 28 it is `config(&mut self, pooling_allocator_default: Option<bool>)` and the target triple
is the `target: Option<String>` field of `CommonOptions`. A `None` target is dropped; another
value is reported (it now goes into `opts.target` before the call).
"""

from __future__ import annotations

from wasm_codemod.rust.calls import classify_receiver, defined_methods, method_calls
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

_NAME_TYPES = ("identifier", "type_identifier", "scoped_identifier", "scoped_type_identifier")

COMMON_OPTIONS = {("wasmtime_cli_flags", "CommonOptions")}


def _names_common_options(unit: RustUnit) -> bool:
    for n in walk_types(unit.src.root, _NAME_TYPES):
        if n.type in ("identifier", "type_identifier", "scoped_identifier", "scoped_type_identifier"):
            segs = path_of(n)
            if segs and segs[-1] == "CommonOptions" and unit.names.resolve(segs, n) in COMMON_OPTIONS:
                return True
    return False


def apply(ctx: StepContext) -> None:
    user = defined_methods([u.src.root for u in ctx.units], "config")
    for unit in ctx.units:
        if b"CommonOptions" not in unit.src.data or not _names_common_options(unit):
            continue  # the receiver is a `CommonOptions` only where the file names the type
        for mc in method_calls(unit.src.root, {"config"}):
            if len(mc.args) != 2:
                continue
            kind = classify_receiver(unit.names, mc.receiver, COMMON_OPTIONS)
            if kind == "other" or (kind == "unknown" and user):
                continue
            target, pooling = mc.args
            if text(target) != "None":
                if kind == "ours" or not user:
                    ctx.report(unit, mc.call, f"`CommonOptions::config` lost its target argument at 28: set "
                               f"`{text(mc.receiver)}.target = {text(target)}.map(String::from);` before the call "
                               "and pass only the pooling-allocator default")
                continue
            ctx.replace(unit, (target.start_byte, pooling.start_byte), "")


STEP = Step(
    id="wasmtime-28-cli-flags-config",
    family="wasmtime",
    from_version="27",
    to_version="28",
    safety=Safety.SAFE,
    title="Drop the target argument of CommonOptions::config",
    summary="`wasmtime_cli_flags::CommonOptions::config(None, pooling)` becomes `config(pooling)` (the target "
            "triple is the `target` field from 28); a target other than `None` is reported.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v28.0.0/crates/cli-flags/src/lib.rs",
    prefilter=(b"CommonOptions",),
    apply=apply,
)
