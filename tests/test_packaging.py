"""A plain (non-editable) install ships every step, and the code is ruff-clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_plain_install_finds_every_step(tmp_path: Path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "target", "*.egg-info", "build", "__pycache__"))
    target = tmp_path / "site"
    inst = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                           "--target", str(target), str(src)], capture_output=True, text=True)
    assert inst.returncode == 0, inst.stdout + inst.stderr
    code = ("from wasm_codemod.plan import load_registry; import wasm_codemod, sys; "
            "r = load_registry(); print(wasm_codemod.__file__); print(' '.join(s.id for s in r.steps))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(target)},
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith(str(target))
    installed = set(out[1].split())
    here = {p.stem.replace("_", "-").replace("wasmtime-", "wasmtime-", 1) for p in (ROOT / "transforms").glob("*.py")
            if not p.name.startswith("_")}
    assert len(installed) == len(here) and "wasmtime-36-wasi-ctx-view" in installed
    # every module of the source tree ships (a subpackage missing from `packages` once broke every
    # command of a plain install), and the command runs from the install alone
    def modules(top: Path) -> set[str]:
        return {p.relative_to(top).as_posix() for p in top.rglob("*.py")}

    shipped, source = modules(target / "wasm_codemod"), modules(ROOT / "src" / "wasm_codemod")
    assert source - shipped == set()
    run = subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", str(ROOT / "examples" / "plugin-host"),
                          "--to", "50", "--dry-run"], cwd=tmp_path, env={"PYTHONPATH": str(target)},
                         capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    assert "+++ " in run.stdout, run.stdout + run.stderr


def test_ruff_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff not installed (pip install -e '.[test]')")
    res = subprocess.run([ruff, "check", "src", "transforms", "tests", "realworld"], cwd=ROOT, capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stdout
