"""E43: component-model-async calls lost `TaskExit`; `FutureReader::new`/`StreamReader::new` return `Result`
(report only).

API ledger, 42->43: `Func::call_concurrent` returns `Result<()>` (was `Result<TaskExit>`),
`TypedFunc::call_concurrent` returns `Result<Return>` (was `Result<(Return, TaskExit)>`), `TaskExit` is gone,
and the reader constructors return `Result<Self>`.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._api_report import report_api

METHODS: dict[str, str | tuple[str, int]] = {
    "call_concurrent": "returns no `TaskExit` from wasmtime 43 (`Result<Return>` for typed funcs, `Result<()>` for "
                       "`Func`): drop the second tuple element and any `TaskExit` handling",
}
CALLS = {
    "wasmtime::component::FutureReader::new": "`FutureReader::new` returns `Result<Self>` from wasmtime 43: add `?`",
    "wasmtime::component::StreamReader::new": "`StreamReader::new` returns `Result<Self>` from wasmtime 43: add `?`",
}

STEP = Step(
    id="wasmtime-43-concurrent-call",
    family="wasmtime",
    from_version="42",
    to_version="43",
    safety=Safety.MANUAL,
    title="Report call_concurrent results and reader constructors",
    summary="Report `.call_concurrent(..)` calls (no `TaskExit` in the result from 43), `TaskExit` uses and "
            "`FutureReader::new`/`StreamReader::new` (now return `Result`).",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v43.0.0/crates/wasmtime/src/runtime/component/func.rs",
    prefilter=(b"call_concurrent", b"TaskExit", b"FutureReader", b"StreamReader"),
    moves={"wasmtime::component::TaskExit": None},
    removed_hints={"wasmtime::component::TaskExit": "removed at 43: `call_concurrent` returns the results only"},
    apply=report_api(methods=METHODS, calls=CALLS),
)
