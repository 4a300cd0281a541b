"""B17: Report WIT world names that differ only in case.

Shared code: transforms/_wit_keywords.py; page: docs/steps/wit-bindgen-0.49-wit-case-names.md.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import world_case_names

STEP = Step(
    id="wit-bindgen-0.49-wit-case-names",
    family="wit-bindgen",
    from_version="0.48",
    to_version="0.49",
    safety=Safety.MANUAL,
    title="Report WIT world names that differ only in case",
    summary=(
        'Report world import or export names that differ only in case (e.g. `get-user` and `GET-USER`): wit-'
        'parser 0.243 (wit-bindgen 0.49) rejects them.'
    ),
    upstream="https://github.com/bytecodealliance/wasm-tools/pull/2385",
    wit=world_case_names,
)
