"""E33: smaller core API changes found by the API ledger (manual, report only).

- `ExternRef::new_manually_rooted` was removed;
- `ExternType`/`FuncType`/`GlobalType`/`MemoryType`/`TableType::default_value` return `Result` (were `Option`);
- `RegallocAlgorithm::SinglePass` was removed.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._api_report import prefilter, report_api

CALLS = {
    "wasmtime::ExternRef::new_manually_rooted":
        "`ExternRef::new_manually_rooted` was removed at wasmtime 33: write "
        "`ExternRef::new(&mut store, value)?.to_manually_rooted(&mut store)?`",
}
METHODS: dict[str, str | tuple[str, int]] = {
    "default_value": ("`*Type::default_value(store)` returns `Result<_>` instead of `Option<_>` from wasmtime 33: "
                      "use `?` (or `.ok()` where an `Option` is wanted)", 1),
}
MOVES: dict[str, str | None] = {"wasmtime::RegallocAlgorithm::SinglePass": None}
HINTS = {"wasmtime::RegallocAlgorithm::SinglePass": "the single-pass register allocator was removed; use "
                                                    "`RegallocAlgorithm::Backtracking`"}

STEP = Step(
    id="wasmtime-33-gc-and-types",
    family="wasmtime",
    from_version="32",
    to_version="33",
    safety=Safety.MANUAL,
    title="Report ExternRef::new_manually_rooted, default_value and RegallocAlgorithm::SinglePass",
    summary="Report `ExternRef::new_manually_rooted` (removed), `*Type::default_value` (now returns `Result`) "
            "and `RegallocAlgorithm::SinglePass` (removed) at 33.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v33.0.0/RELEASES.md",
    prefilter=prefilter(CALLS, METHODS) + (b"SinglePass",),
    moves=MOVES,
    removed_hints=HINTS,
    apply=report_api(methods=METHODS, calls=CALLS),
)
