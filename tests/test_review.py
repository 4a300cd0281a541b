"""Review flow: every dry-run diff applies with `git apply` and equals a real run; golden projects match."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from golden_harness import build_crate, cases
from helpers import EXAMPLE, ROOT, cli, git, make_repo, tree

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden_dry_run_diff_applies(case, tmp_path: Path):
    crate = build_crate(case, "before", tmp_path / "w")
    make_repo(crate)
    flag = {"wasmtime": "", "wasmtime-py": "", "wit-bindgen": "guest-", "componentize-py": "py-guest-"}[case.family]
    args = ["upgrade", ".", f"--{flag}from", case.from_, f"--{flag}to", case.to]
    for s in case.steps:
        args += ["--only", s]
    env = {**os.environ, "WASM_CODEMOD_ALLOW_UNVERIFIED": "1"}
    dry = subprocess.run([sys.executable, "-m", "wasm_codemod", *args, "--dry-run"], cwd=crate,
                         capture_output=True, env=env)
    assert dry.returncode == 0, dry.stderr
    patch = tmp_path / "p.diff"
    patch.write_bytes(dry.stdout)
    if dry.stdout:
        chk = subprocess.run(["git", "apply", "--check", str(patch)], cwd=crate, capture_output=True, text=True)
        assert chk.returncode == 0, chk.stderr
        subprocess.run(["git", "apply", str(patch)], cwd=crate, check=True)
    applied = tree(crate)
    git("checkout", "-q", ".", cwd=crate)
    real = subprocess.run([sys.executable, "-m", "wasm_codemod", *args], cwd=crate, capture_output=True, env=env)
    assert real.returncode == 0, real.stderr
    assert tree(crate) == applied


@pytest.mark.parametrize("target", sorted(p.name.split("-")[1] for p in (ROOT / "golden" / "projects" / "plugin-host")
                                          .glob("after-*")))
def test_example_upgrade_matches_golden_project(tmp_path: Path, target: str):
    repo = make_repo(tmp_path / "host", source=EXAMPLE)
    res = cli("upgrade", ".", "--to", target, cwd=repo)
    assert res.returncode == 0, res.stderr
    want = tree(ROOT / "golden" / "projects" / "plugin-host" / f"after-{target}")
    got = {k: v for k, v in tree(repo).items() if k != "Cargo.lock"}
    assert got == want


def test_todo_comments_are_inserted_once(tmp_path: Path):
    src = (ROOT / "golden" / "wasmtime-36-wasi-ctx-view" / "statement-body" / "before.rs").read_text()
    repo = make_repo(tmp_path / "r", {
        "Cargo.toml": '[package]\nname = "r"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
                      'wasmtime = "29"\nwasmtime-wasi = "29"\n',
        "src/lib.rs": src,
    })
    first = cli("upgrade", ".", "--to", "36", "--todo-comments", "--format", "json", cwd=repo)
    assert first.returncode == 0, first.stderr
    lib = (repo / "src" / "lib.rs").read_text()
    assert lib.count("// TODO(wasm-codemod): wasmtime-36-wasi-ctx-view:") == 1
    fu = [f for f in json.loads(first.stdout)["follow_ups"] if f["step"] == "wasmtime-36-wasi-ctx-view"]
    line = lib.splitlines()[fu[0]["line"]]  # the TODO sits right above the reported line
    assert "fn ctx" in line
    git("commit", "-qam", "up", cwd=repo)
    second = cli("upgrade", ".", "--to", "36", "--todo-comments", cwd=repo)
    assert second.returncode == 0
    assert (repo / "src" / "lib.rs").read_text() == lib
