"""wasmtime 28: the "static"/"dynamic" memory settings of `Config` were renamed (#9545):
`static_memory_maximum_size` -> `memory_reservation`, `dynamic_memory_reserved_for_growth` ->
`memory_reservation_for_growth`, and `static_memory_forced(b)` -> `memory_may_move(!b)` (a forced
static memory is one that never moves). Only names changed; the settings mean what they meant.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._config_renames import Rename, rename_config_methods

STEP = Step(
    id="wasmtime-28-memory-reservation",
    family="wasmtime",
    from_version="27",
    to_version="28",
    safety=Safety.SAFE,
    title="Rename the static/dynamic memory settings of Config",
    summary="Rename `static_memory_maximum_size` to `memory_reservation`, `dynamic_memory_reserved_for_growth` to "
            "`memory_reservation_for_growth` and `static_memory_forced(b)` to `memory_may_move(!b)` (28).",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/9545",
    prefilter=(b"static_memory_maximum_size", b"dynamic_memory_reserved_for_growth", b"static_memory_forced"),
    apply=rename_config_methods({
        "static_memory_maximum_size": Rename("memory_reservation"),
        "dynamic_memory_reserved_for_growth": Rename("memory_reservation_for_growth"),
        "static_memory_forced": Rename("memory_may_move", invert=True),
    }),
)
