"""Examples for `explain` and docs pages, taken from a step's golden cases."""

from __future__ import annotations

import difflib
from pathlib import Path

GOLDEN_DIRS = [Path(__file__).resolve().parents[2] / "golden", Path(__file__).resolve().parent / "golden"]


def step_example(step_id: str) -> tuple[str, str] | None:
    """(case name, unified diff of before -> after) for the step's first golden case, if shipped."""
    for root in GOLDEN_DIRS:
        d = root / step_id
        if not d.is_dir():
            continue
        for case in sorted(p for p in d.iterdir() if p.is_dir()):
            for before in sorted(case.glob("before.*")):
                after = before.with_name("after" + before.suffix)
                if after.is_file():
                    a = before.read_text("utf-8").splitlines(keepends=True)
                    b = after.read_text("utf-8").splitlines(keepends=True)
                    return case.name, "".join(difflib.unified_diff(a, b, "before", "after"))
    return None
