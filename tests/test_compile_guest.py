"""Slow tier: the bundled guest example compiles at wit-bindgen 0.41 as shipped and after
`upgrade --guest-to N` (checked on the host target: `generate!` and `export!` compile there).

Run with: pytest -m compile tests/test_compile_guest.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from oracle import cargo_check, have_cargo

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "guest"

pytestmark = [pytest.mark.compile, pytest.mark.matrix, pytest.mark.skipif(not have_cargo(), reason="needs cargo")]


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "guest"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("target"))
    return dest


def _upgrade(crate: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WASM_CODEMOD_ALLOW_UNVERIFIED="1")
    return subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", str(crate), *args],
                          capture_output=True, text=True, check=False, env=env)


def test_guest_compiles_as_shipped(tmp_path):
    crate = _copy(tmp_path)
    res = cargo_check(crate, ["--locked"])
    assert res.ok, res.output


@pytest.mark.parametrize("target", ["0.45", "0.48", "0.58", "0.63"])
def test_guest_compiles_after_upgrade(tmp_path, target):
    crate = _copy(tmp_path)
    up = _upgrade(crate, "--guest-to", target, "--allow-dirty")
    assert up.returncode == 0, up.stdout + up.stderr
    assert f'"{target}' in (crate / "Cargo.toml").read_text()
    res = cargo_check(crate)
    assert res.ok, f"--guest-to {target} does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"
    # and a second run has nothing left to do
    again = _upgrade(crate, "--guest-to", target, "--check")
    assert again.returncode == 0, again.stdout + again.stderr
