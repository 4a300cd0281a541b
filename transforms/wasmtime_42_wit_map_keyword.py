"""B20: Escape `map` in WIT.

Shared code: transforms/_wit_keywords.py; page: docs/steps/wasmtime-42-wit-map-keyword.md.
"""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

from ._wit_keywords import escape_map

STEP = Step(
    id="wasmtime-42-wit-map-keyword",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.SAFE,
    title="Escape `map` in WIT",
    summary=(
        'Write a WIT identifier `map` as `%map`: wit-parser 0.244 (used by `bindgen!` in wasmtime 42) '
        'reserves `map` as a keyword.'
    ),
    upstream="https://github.com/bytecodealliance/wasm-tools/pull/2356",
    wit=escape_map,
)
