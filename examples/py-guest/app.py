"""A componentize-py 0.16 guest: the `sandbox` world's `eval` export.

Build: componentize-py -d wit -w sandbox componentize app -o sandbox.wasm
"""

import re

import sandbox
from sandbox.types import Err

TOKEN = re.compile(r"\s*([+-]?)\s*(\d+)\s*")


class Sandbox(sandbox.Sandbox):
    def eval(self, expression: str) -> str:
        total, pos = 0, 0
        while pos < len(expression):
            m = TOKEN.match(expression, pos)
            if m is None:
                raise Err(f"cannot read {expression[pos:]!r}")
            total += int(m.group(1) + m.group(2))
            pos = m.end()
        return str(total)
