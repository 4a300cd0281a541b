"""B17: Report WIT world names that differ only in case.

Shared code: transforms/_wit_keywords.py; page: docs/steps/wasmtime-40-wit-case-names.md.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import world_case_names

STEP = Step(
    id="wasmtime-40-wit-case-names",
    family="wasmtime",
    from_version="39",
    to_version="40",
    safety=Safety.MANUAL,
    title="Report WIT world names that differ only in case",
    summary=(
        'Report world import or export names that differ only in case (e.g. `get-user` and `GET-USER`): wit-'
        'parser 0.243 (`bindgen!` in wasmtime 40) rejects them.'
    ),
    upstream="https://github.com/bytecodealliance/wasm-tools/pull/2385",
    wit=world_case_names,
)
