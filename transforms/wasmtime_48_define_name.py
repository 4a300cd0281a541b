"""E48: `Linker::define_name` was removed (one-level import names of the module-linking proposal).

API ledger 47->48, checked in the 47.0.4 and 48.0.8 sources: `define(store, module, name, item)`
is what stays.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._removed_api import report_methods

STEP = Step(
    id="wasmtime-48-define-name",
    family="wasmtime",
    from_version="47",
    to_version="48",
    safety=Safety.MANUAL,
    title="Report the removed Linker::define_name",
    summary="Report `linker.define_name(store, name, item)` calls: removed at 48 (one-level names belonged to the "
            "module-linking proposal); `define(store, module, name, item)` remains.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v48.0.0/crates/wasmtime/src/runtime/linker.rs",
    prefilter=(b"define_name",),
    apply=report_methods({
        "define_name": "import names have two levels; use `.define(store, module, name, item)`",
    }),
)
