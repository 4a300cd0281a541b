"""Rust code held in string literals (a generator crate that writes host code, `quote!`-less templates).

Such code is neither parsed nor rewritten; where a string holds a call that changed, the step
reports the string's line with the edit to make, so the generated code is not left on the old API.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.transform import StepContext

STRINGS = ("string_literal", "raw_string_literal")


def report_in_strings(ctx: StepContext, pattern: re.Pattern[str], message: str, needle: bytes) -> None:
    """Report each string literal whose text matches ``pattern`` (``needle``: bytes that every match
    contains, so a file or a string without them is not searched)."""
    from wasm_codemod.rust.parse import text

    for unit in ctx.units:
        data = unit.src.data
        pos = data.find(needle)
        if pos < 0:
            continue
        # the string literals around the needle's occurrences (files hold thousands of strings and
        # these few): each occurrence's smallest node, climbed to its string
        holding: list[Node] = []
        while pos >= 0:
            n = unit.src.root.descendant_for_byte_range(pos, pos + len(needle))
            while n is not None and n.type not in STRINGS:
                n = n.parent
            if n is not None:
                holding.append(n)
            pos = data.find(needle, n.end_byte if n is not None else pos + 1)
        for n in holding:
            body = text(n)
            for line_no, line in enumerate(body.splitlines()):
                if pattern.search(line):
                    offset = n.start_byte + len("\n".join(body.splitlines()[:line_no]).encode()) + (1 if line_no else 0)
                    ctx.report(unit, offset, f"this string holds Rust code that {message}", "review")
