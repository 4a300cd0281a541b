"""Golden cases: before -> after for each step, a second run changes nothing, follow-ups as listed."""

from __future__ import annotations

import layering_audit
import pytest
from golden_harness import build_crate, cases, expected_follow_ups, run_case, snapshot

CASES = cases()


@pytest.fixture(autouse=True)
def _no_file_reads_in_transforms(tmp_path):
    """The layering rule, checked on every case: no transform reads the case's files itself."""
    layering_audit.watch(tmp_path)
    yield
    found = layering_audit.violations()
    layering_audit.watch(None)
    assert not found, f"transforms read files themselves (ask the engine through StepContext): {found}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden(case, tmp_path):
    before = build_crate(case, "before", tmp_path / "b")
    after = build_crate(case, "after", tmp_path / "a")
    result = run_case(case, before)
    got, want = snapshot(before), snapshot(after)
    assert got.keys() == want.keys()
    for name in want:
        assert got[name].decode() == want[name].decode(), f"{case.id}: {name} differs"
        assert got[name] == want[name], f"{case.id}: {name} differs in bytes (line endings/BOM?)"
    # follow-ups: exactly the listed ones (file, line, and a fragment of the message)
    expected = expected_follow_ups(case)
    actual = [(f.file, f.line, f.message) for f in result.follow_ups]
    for file, line, text in expected:
        assert any(a[0] == file and a[1] == line and text in a[2] for a in actual), (
            f"{case.id}: missing follow-up {file}:{line}: {text}\nactual: {actual}")
    assert len(actual) == len(expected), f"{case.id}: unexpected follow-ups {actual}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_idempotent(case, tmp_path):
    """Running the step on its own output changes nothing and reports nothing new."""
    after = build_crate(case, "after", tmp_path / "a")
    result = run_case(case, after, write=False)
    assert [c.path.name for c in result.changes] == []
