"""wasmtime 27: `Config::static_memory_guard_size` and `dynamic_memory_guard_size` were merged into
`Config::memory_guard_size` (#9528), one guard size for every linear memory.

Both old calls become `memory_guard_size(n)`. A config that set both to different sizes now gets
the later call's value for all memories: such a pair is flagged for review.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

from ._config_renames import Rename, rename_config_methods

OLD = ("static_memory_guard_size", "dynamic_memory_guard_size")
_rename = rename_config_methods({m: Rename("memory_guard_size") for m in OLD})


def apply(ctx: StepContext) -> None:
    _rename(ctx)
    for unit in ctx.units:
        calls = list(method_calls(unit.src.root, frozenset(OLD)))
        if {c.method for c in calls} == set(OLD) and len({text(c.args[0]) for c in calls if c.args}) > 1:
            last = max(calls, key=lambda c: c.call.start_byte)
            ctx.report(unit, last.call, "the static and dynamic guard sizes were set to different values; from 27 "
                       "there is one `memory_guard_size` for all memories and the later call wins: keep the one "
                       "you need and delete the other", "review")


STEP = Step(
    id="wasmtime-27-memory-guard-size",
    family="wasmtime",
    from_version="26",
    to_version="27",
    safety=Safety.SAFE,
    title="Merge the static/dynamic memory guard sizes",
    summary="Rename `Config::static_memory_guard_size` / `dynamic_memory_guard_size` to `memory_guard_size`, "
            "merged into one setting at 27.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9528",
    prefilter=(b"static_memory_guard_size", b"dynamic_memory_guard_size"),
    apply=apply,
)
