"""Slow tier, end to end from the oldest lines: `examples/wasmtime25-host` (a wasmtime 25 host in
the shapes of late 2024) upgraded `--to N`, and `examples/guest-030` (a wit-bindgen 0.30 guest)
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
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from oracle import cargo_check, have_cargo

ROOT = Path(__file__).resolve().parents[1]
HOST = ROOT / "examples" / "wasmtime25-host"
GUEST = ROOT / "examples" / "guest-030"
FIXES = Path(__file__).resolve().parent / "e2e_fixes_legacy"
HOST_TARGETS = ["29", "36", "42", "50"]
GUEST_TARGETS = ["0.41", "0.63"]
ENV = {**os.environ, "WASM_CODEMOD_ALLOW_UNVERIFIED": "1"}

pytestmark = [pytest.mark.compile, pytest.mark.matrix,
              pytest.mark.skipif(not have_cargo(), reason="needs cargo")]


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)


def _upgrade(crate: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "wasm_codemod", "upgrade", str(crate), *args], crate.parent)


def _expected(target: str) -> list[tuple[str, int, str]]:
    f = FIXES / target / "follow_ups.txt"
    out = []
    for ln in f.read_text().splitlines() if f.exists() else []:
        if ln.strip() and not ln.startswith("#"):
            loc, step = ln.split(": ", 1)
            file, line = loc.rsplit(":", 1)
            out.append((file, int(line), step.strip()))
    return out


@pytest.mark.parametrize("example", [HOST, GUEST], ids=["host-25", "guest-0.30"])
def test_legacy_example_compiles_as_shipped(tmp_path: Path, example: Path):
    crate = tmp_path / example.name
    shutil.copytree(example, crate, ignore=shutil.ignore_patterns("target"))
    res = cargo_check(crate)
    assert res.ok, res.output


@pytest.mark.parametrize("target", HOST_TARGETS)
def test_host_25_upgrade_compiles(tmp_path: Path, target: str):
    crate = tmp_path / "wasmtime25-host"
    shutil.copytree(HOST, crate, ignore=shutil.ignore_patterns("target"))

    up = _upgrade(crate, "--to", target, "--allow-dirty", "--format", "json")
    assert up.returncode == 0, up.stdout + up.stderr
    report = json.loads(up.stdout)
    assert not report["errors"], report["errors"]
    assert report["crates"][0]["plans"][0]["from"] == "25"
    prefix = crate.name + "/"
    got = {(f["file"].removeprefix(prefix), f["line"], f["step"]): f["severity"] for f in report["follow_ups"]}
    want = _expected(target)
    missing = [w for w in want if w not in got]
    assert not missing, f"expected follow-ups not reported: {missing}\nreported: {sorted(got)}"
    unlisted = [k for k, sev in got.items() if sev == "manual" and k not in want]
    assert not unlisted, f"manual follow-ups without a fix in tests/e2e_fixes_legacy/{target}: {unlisted}"

    again = _upgrade(crate, "--to", target, "--check")
    assert again.returncode == 0, "second run not clean:\n" + again.stdout + again.stderr

    patch = FIXES / target / "fix.patch"
    if want:
        assert patch.exists(), f"follow-ups listed but no {patch}"
    if patch.exists():
        for cmd in (["git", "init", "-q"], ["git", "apply", "--check", str(patch)], ["git", "apply", str(patch)]):
            res = _run(cmd, crate)
            assert res.returncode == 0, f"{' '.join(cmd)}: {res.stderr}"

    res = cargo_check(crate, ["--ignore-rust-version"])
    assert res.ok, f"--to {target} from 25 does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"


@pytest.mark.parametrize("target", GUEST_TARGETS)
def test_guest_030_upgrade_compiles(tmp_path: Path, target: str):
    crate = tmp_path / "guest-030"
    shutil.copytree(GUEST, crate, ignore=shutil.ignore_patterns("target"))
    up = _upgrade(crate, "--guest-to", target, "--allow-dirty", "--format", "json")
    assert up.returncode == 0, up.stdout + up.stderr
    report = json.loads(up.stdout)
    assert report["crates"][0]["plans"][0]["from"] == "0.30"
    assert not [f for f in report["follow_ups"] if f["severity"] == "manual"], report["follow_ups"]
    assert b"float32" not in (crate / "wit" / "kv.wit").read_bytes()
    res = cargo_check(crate)
    assert res.ok, f"--guest-to {target} from 0.30 does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"
    again = _upgrade(crate, "--guest-to", target, "--check")
    assert again.returncode == 0, again.stdout + again.stderr
