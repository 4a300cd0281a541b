"""Compile tier: `--verify` runs cargo check after writing; `--rollback-on-fail` restores every byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, ROOT, git, make_repo, tree
from oracle import TARGET_DIR, have_cargo

pytestmark = [pytest.mark.compile, pytest.mark.skipif(not have_cargo(), reason="needs cargo")]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, WASM_CODEMOD_VERIFY_TARGET=str(TARGET_DIR))  # share the oracle's build cache
    return subprocess.run([sys.executable, "-m", "wasm_codemod", *args], cwd=cwd, capture_output=True, env=env)


def test_verify_passes_on_a_clean_upgrade(tmp_path: Path):
    repo = make_repo(tmp_path / "host", source=EXAMPLE)
    res = _cli("upgrade", ".", "--to", "30", "--verify", "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["status"] == "changed" and doc["verify"] and all(v["ok"] for v in doc["verify"])


def test_verify_failure_rolls_back_byte_for_byte(tmp_path: Path):
    src = (ROOT / "golden" / "wasmtime-36-wasi-ctx-view" / "statement-body" / "before.rs").read_text()
    repo = make_repo(tmp_path / "manual", {
        "Cargo.toml": '[package]\nname = "manual"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n\n'
                      '[dependencies]\nwasmtime = "29"\nwasmtime-wasi = "29"\n',
        "src/lib.rs": src,
    })
    before = tree(repo)
    res = _cli("upgrade", ".", "--to", "36", "--verify", "--rollback-on-fail", "--format", "json", cwd=repo)
    assert res.returncode == 4, res.stderr
    doc = json.loads(res.stdout)
    assert doc["status"] == "rolled-back"
    errors = [e for v in doc["verify"] for e in v["errors"]]
    assert any(e["file"] == "src/lib.rs" for e in errors)
    # the error at `fn ctx` is tied to the step that left it for a person
    assert any("wasmtime-36-wasi-ctx-view" in e["steps"] for e in errors)
    assert tree(repo) == before
    assert git("status", "--porcelain", cwd=repo) == ""
