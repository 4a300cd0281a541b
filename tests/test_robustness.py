"""Slow tier: run every step over real crates it has never seen (the local cargo registry).

Run with: python3 -m pytest -m bench tests/test_robustness.py
Needs a filled ~/.cargo/registry/src (the compile tiers fill it). Checks: no internal error, no
rewrite dropped for a syntax error, the dry-run diff applies with `git apply --check`, and a
second run over the written copy changes nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REGISTRY = Path.home() / ".cargo" / "registry" / "src"

pytestmark = [pytest.mark.bench,
              pytest.mark.skipif(not any(REGISTRY.glob("*/wasmtime-wasi-*")), reason="needs wasmtime crates in "
                                 "~/.cargo/registry/src (run the compile tier first)")]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wasm_codemod", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=1800)


def test_registry_upgrade_applies_and_is_idempotent(tmp_path: Path):
    dry = _cli("upgrade", str(REGISTRY), "--to", "latest", "--dry-run", cwd=Path("/"))
    assert dry.returncode == 0, dry.stderr[-2000:]
    patch = tmp_path / "registry.diff"
    patch.write_text(dry.stdout)
    chk = subprocess.run(["git", "apply", "--check", "--unsafe-paths", str(patch)], cwd="/", capture_output=True,
                         text=True)
    assert chk.returncode == 0, chk.stderr[-2000:]
    report = json.loads(_cli("upgrade", str(REGISTRY), "--to", "latest", "--check", "--format", "json",
                             cwd=tmp_path).stdout)
    assert report["errors"] == []
    assert not [f for f in report["follow_ups"] if f["severity"] == "error"]
    crates: set[Path] = set()
    for ch in report["changes"]:
        p = (tmp_path / ch["file"]).resolve()
        crates.add(next(q for q in p.parents if (q / "Cargo.toml").exists()))
    copy = tmp_path / "copy"
    for c in crates:
        shutil.copytree(c, copy / c.name, dirs_exist_ok=True)
    assert _cli("upgrade", str(copy), "--to", "latest", "--allow-dirty", cwd=tmp_path).returncode == 0
    again = _cli("upgrade", str(copy), "--to", "latest", "--check", "--format", "json", cwd=tmp_path)
    assert again.returncode == 0, json.loads(again.stdout)["changes"][:5]
