"""Every step has a docs page that names its upstream link, and golden cases beside it."""

from __future__ import annotations

import pytest
from helpers import ROOT

from wasm_codemod.plan import load_registry

STEPS = load_registry().steps


@pytest.mark.parametrize("step", STEPS, ids=[s.id for s in STEPS])
def test_step_has_docs_and_golden_cases(step):
    page = ROOT / "docs" / "steps" / f"{step.id}.md"
    assert page.is_file(), f"missing docs/steps/{step.id}.md"
    text = page.read_text()
    assert step.id in text
    cases = [d for d in (ROOT / "golden" / step.id).iterdir() if d.is_dir()] if (ROOT / "golden" / step.id).is_dir() \
        else []
    assert cases, f"{step.id} has no golden cases"
