"""Slow tier: the bundled example compiles at 29 as shipped and after `upgrade --to N`.

Run with: pytest -m compile tests/test_compile_example.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from oracle import cargo_check, have_cargo

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "plugin-host"

pytestmark = [pytest.mark.compile, pytest.mark.skipif(not have_cargo(), reason="needs cargo")]


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "plugin-host"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("target"))
    return dest


def _upgrade(crate: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", str(crate), *args],
                          cwd=crate.parent, capture_output=True, text=True, check=False)


def test_example_compiles_as_shipped(tmp_path):
    crate = _copy(tmp_path)
    res = cargo_check(crate, ["--locked"])
    assert res.ok, res.output


@pytest.mark.parametrize("target", ["30", "36"])
def test_example_compiles_after_upgrade(tmp_path, target):
    crate = _copy(tmp_path)
    up = _upgrade(crate, "--to", target, "--allow-dirty")
    assert up.returncode == 0, up.stderr
    assert f'"{target}' in (crate / "Cargo.toml").read_text()
    res = cargo_check(crate)
    assert res.ok, f"--to {target} does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"
    # and a second run has nothing left to do
    again = _upgrade(crate, "--to", target, "--check")
    assert again.returncode == 0, again.stdout + again.stderr
