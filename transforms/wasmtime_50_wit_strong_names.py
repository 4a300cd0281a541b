"""wit-parser 0.261: Report WIT names that are not strongly unique.

Shared code: transforms/_wit_keywords.py; page: docs/steps/wasmtime-50-wit-strong-names.md.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import strong_names

STEP = Step(
    id="wasmtime-50-wit-strong-names",
    family="wasmtime",
    from_version="49",
    to_version="50",
    safety=Safety.MANUAL,
    title="Report WIT names that are not strongly unique",
    summary=(
        'Report record fields, flags, enum/variant cases, interface items and resource methods that differ '
        'only in case, and `flags` with more than 32 members: wit-parser 0.261 (`bindgen!` in wasmtime 50) '
        'rejects them.'
    ),
    upstream="https://github.com/bytecodealliance/wasm-tools/releases/tag/v1.241.0",
    wit=strong_names,
)
