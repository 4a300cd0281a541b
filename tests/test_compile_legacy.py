"""Slow tier, end to end from the oldest lines: `examples/wasmtime25-host` (a wasmtime 25 host in
the shapes of late 2024) upgraded `--to N`, and `examples/guest-030` (a wit-bindgen 0.30 guest) and
`examples/guest-016` (0.16)
upgraded `--guest-to N`, each checked with cargo at the target.

Host, for each N: upgrade a copy, check the reported follow-ups against
`tests/e2e_fixes_legacy/<N>/follow_ups.txt` (every listed site reported, every `manual` one
listed), `upgrade --check` is clean, apply the person's fix `fix.patch` for the manual follow-ups,
`cargo check --ignore-rust-version` (49/50 declare a newer rust-version than rustc 1.95).
Guest: upgrade, `cargo check` on the host target (`generate!`/`export!` compile there), and a
second run has nothing left to do. Both examples also compile as shipped.

Run with: pytest -m "compile and matrix" tests/test_compile_legacy.py
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from e2e_check import upgrade, upgrade_fix_and_check
from oracle import cargo_check, have_cargo

ROOT = Path(__file__).resolve().parents[1]
HOST = ROOT / "examples" / "wasmtime25-host"
GUEST = ROOT / "examples" / "guest-030"
GUEST_016 = ROOT / "examples" / "guest-016"
FIXES = Path(__file__).resolve().parent / "e2e_fixes_legacy"
HOST_TARGETS = ["29", "36", "42", "50"]
GUEST_TARGETS = ["0.41", "0.63"]

pytestmark = [pytest.mark.compile, pytest.mark.matrix,
              pytest.mark.skipif(not have_cargo(), reason="needs cargo")]


@pytest.mark.parametrize("example", [HOST, GUEST, GUEST_016], ids=["host-25", "guest-0.30", "guest-0.16"])
def test_legacy_example_compiles_as_shipped(tmp_path: Path, example: Path):
    crate = tmp_path / example.name
    shutil.copytree(example, crate, ignore=shutil.ignore_patterns("target"))
    res = cargo_check(crate)
    assert res.ok, res.output


@pytest.mark.parametrize("target", HOST_TARGETS)
def test_host_25_upgrade_compiles(tmp_path: Path, target: str):
    upgrade_fix_and_check(HOST, tmp_path / "wasmtime25-host", target, FIXES, ["--ignore-rust-version"], from_line="25")


@pytest.mark.parametrize("target", GUEST_TARGETS)
def test_guest_030_upgrade_compiles(tmp_path: Path, target: str):
    crate = tmp_path / "guest-030"
    shutil.copytree(GUEST, crate, ignore=shutil.ignore_patterns("target"))
    up = upgrade(crate, "--guest-to", target, "--allow-dirty", "--format", "json")
    assert up.returncode == 0, up.stdout + up.stderr
    report = json.loads(up.stdout)
    assert report["crates"][0]["plans"][0]["from"] == "0.30"
    assert not [f for f in report["follow_ups"] if f["severity"] == "manual"], report["follow_ups"]
    assert b"float32" not in (crate / "wit" / "kv.wit").read_bytes()
    res = cargo_check(crate)
    assert res.ok, f"--guest-to {target} from 0.30 does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"
    again = upgrade(crate, "--guest-to", target, "--check")
    assert again.returncode == 0, again.stdout + again.stderr


@pytest.mark.parametrize("target", GUEST_TARGETS)
def test_guest_016_upgrade_compiles(tmp_path: Path, target: str):
    """A wit-bindgen 0.16 guest (exports map, `into_handle`, a dependency package, `float32`) upgrades
    through the 0.19 / 0.20 / 0.27 / 0.33 steps with no manual follow-up and compiles at the target."""
    crate = tmp_path / "guest-016"
    shutil.copytree(GUEST_016, crate, ignore=shutil.ignore_patterns("target"))
    up = upgrade(crate, "--guest-to", target, "--allow-dirty", "--format", "json")
    assert up.returncode == 0, up.stdout + up.stderr
    report = json.loads(up.stdout)
    assert report["crates"][0]["plans"][0]["from"] == "0.16"
    assert not [f for f in report["follow_ups"] if f["severity"] == "manual"], report["follow_ups"]
    src = (crate / "src" / "lib.rs").read_text()
    assert "exports: {" not in src and "export!(Meter);" in src and "generate_all" in src and "take_handle" in src
    assert b"float32" not in (crate / "wit" / "meter.wit").read_bytes()
    res = cargo_check(crate)
    assert res.ok, f"--guest-to {target} from 0.16 does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"
    again = upgrade(crate, "--guest-to", target, "--check")
    assert again.returncode == 0, again.stdout + again.stderr
