"""wit-parser 0.261: Report WIT names that are not strongly unique.

Shared code: transforms/_wit_keywords.py; page: docs/steps/wit-bindgen-0.63-wit-strong-names.md.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import strong_names

STEP = Step(
    id="wit-bindgen-0.63-wit-strong-names",
    family="wit-bindgen",
    from_version="0.62",
    to_version="0.63",
    safety=Safety.MANUAL,
    title="Report WIT names that are not strongly unique",
    summary=(
        'Report record fields, flags, enum/variant cases, interface items and resource methods that differ '
        'only in case, and `flags` with more than 32 members: wit-parser 0.261 (wit-bindgen 0.63) rejects '
        'them.'
    ),
    upstream="https://github.com/bytecodealliance/wasm-tools/releases/tag/v1.241.0",
    wit=strong_names,
)
