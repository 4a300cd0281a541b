"""Slow tier: the `after` side of every golden case compiles against its step's target version.

Run with: python -m pytest -m matrix
Cases left for a person on purpose carry `compiles = false` and a `why` in case.toml.
"""

from __future__ import annotations

import pytest
import tomllib
from golden_harness import build_crate, cases, is_python
from oracle import cargo_check, have_cargo

pytestmark = [pytest.mark.compile, pytest.mark.matrix, pytest.mark.skipif(not have_cargo(), reason="needs cargo")]

CASES = [c for c in cases() if not is_python(c)]  # Python cases: tests/test_pyoracle.py


def _meta(case) -> dict:
    f = case.dir / "case.toml"
    return tomllib.loads(f.read_text()) if f.exists() else {}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_after_compiles(case, tmp_path):
    meta = _meta(case)
    if meta.get("compiles", True) is False:
        pytest.skip(f"manual case: {meta.get('why', 'left for a person')}")
    crate = build_crate(case, "after", tmp_path)
    manifest = (crate / "Cargo.toml").read_text()
    if "[workspace]" not in manifest:
        (crate / "Cargo.toml").write_text(manifest + "\n[workspace]\n")
    # wasmtime >= 49 declares a newer rust-version than this machine's rustc; try anyway
    res = cargo_check(crate, ["--ignore-rust-version"])
    assert res.ok, f"{case.id} (wasmtime {case.to}):\n{res.output}"
