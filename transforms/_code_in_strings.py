"""Rust code held in string literals (a generator crate that writes host code, `quote!`-less templates).

Such code is neither parsed nor rewritten; where a string holds a call that changed, the step
reports the string's line with the edit to make, so the generated code is not left on the old API.
"""

from __future__ import annotations

import re

from wasm_codemod.transform import StepContext

STRINGS = ("string_literal", "raw_string_literal")


def report_in_strings(ctx: StepContext, pattern: re.Pattern[str], message: str, needle: bytes) -> None:
    """Report each string literal whose text matches ``pattern`` (``needle``: bytes that every match
    contains, so a file or a string without them is not searched)."""
    from wasm_codemod.rust.parse import text, walk_types

    for unit in ctx.units:
        data = unit.src.data
        if needle not in data:
            continue
        for n in walk_types(unit.src.root, STRINGS):
            if data.find(needle, n.start_byte, n.end_byte) < 0:
                continue
            body = text(n)
            for line_no, line in enumerate(body.splitlines()):
                if pattern.search(line):
                    offset = n.start_byte + len("\n".join(body.splitlines()[:line_no]).encode()) + (1 if line_no else 0)
                    ctx.report(unit, offset, f"this string holds Rust code that {message}", "review")
