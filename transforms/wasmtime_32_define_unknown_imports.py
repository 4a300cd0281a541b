"""E32: `Linker::define_unknown_imports_as_default_values` takes the store first (manual, report only; #10500)."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._api_report import prefilter, report_api

METHODS: dict[str, str | tuple[str, int]] = {
    "define_unknown_imports_as_default_values": (
        "takes the store from wasmtime 32: `linker.define_unknown_imports_as_default_values(&mut store, &module)` "
        "(create the `Store` before this call if it comes later)", 1),
}

STEP = Step(
    id="wasmtime-32-define-unknown-imports",
    family="wasmtime",
    from_version="31",
    to_version="32",
    safety=Safety.MANUAL,
    title="Report define_unknown_imports_as_default_values without a store",
    summary="Report one-argument `linker.define_unknown_imports_as_default_values(&module)` calls: from 32 it "
            "takes `(&mut store, &module)`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10500",
    prefilter=prefilter(METHODS),
    apply=report_api(methods=METHODS),
)
