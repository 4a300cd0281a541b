"""E40: `MemoryType::default_value` returns an `Extern`, `SharedMemory::page_size` a `u64` (report only)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._api_report import prefilter, report_api

METHODS: dict[str, str | tuple[str, int]] = {
    "default_value": ("`MemoryType::default_value(store)` returns `Result<Extern>` from wasmtime 40 (was "
                      "`Result<Memory>`): add `.into_memory()` where a `Memory` is needed (other `*Type`s are "
                      "unchanged)", 1),
    "page_size": ("`SharedMemory::page_size()` returns `u64` from wasmtime 40 (was `u32`): convert where a `u32` "
                  "is expected", 0),
}

STEP = Step(
    id="wasmtime-40-memory-api",
    family="wasmtime",
    from_version="39",
    to_version="40",
    safety=Safety.MANUAL,
    title="Report MemoryType::default_value and SharedMemory::page_size",
    summary="Report `.default_value(store)` (a `MemoryType`'s now returns an `Extern`) and `.page_size()` (a "
            "`SharedMemory`'s now returns `u64`) calls.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v40.0.0/crates/wasmtime/src/runtime/types.rs",
    prefilter=prefilter(METHODS),
    apply=report_api(methods=METHODS),
)
