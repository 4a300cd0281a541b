"""Slow tier, end to end: the bundled example, with its `e2e-host` binary, upgraded from 29 to N.

`examples/plugin-host` has a second binary, `e2e-host` (src/e2e/, Cargo feature `e2e`), that uses
wasi-http (`WasiHttpView`), a custom `HostOutputStream` + `Subscribe` and `StdoutStream`,
`preopened_dir` with `DirPerms`/`FilePerms`, `Config::async_support`, `cache_config_load_default`,
`post_return{,_async}` and `linker.root().func_new`. For each target N this test:

1. copies the example and runs `wasm-codemod upgrade <copy> --to N --allow-dirty --format json`;
2. checks that every site listed in `tests/e2e_fixes/<N>/follow_ups.txt` (`<file>:<line>: <step>`,
   file relative to the crate) is among the reported follow-ups, and that every `manual`
   follow-up is listed there (a manual site nobody fixes would go unnoticed);
3. runs `upgrade --check` on the upgraded copy (exit 0: nothing left to do);
4. applies the person's fix `tests/e2e_fixes/<N>/fix.patch` with `git apply` (in a git repo made
   for the copy, after the upgrade), only for the follow-ups the tool reported;
5. `cargo check --ignore-rust-version --features e2e` (both binaries), then `upgrade --check` again.

Targets past the verified line run with WASM_CODEMOD_ALLOW_UNVERIFIED=1.
Targets with a known, unreported breakage are strict xfails naming the bug (KNOWN_BUGS).

Run with: pytest -m "compile and matrix" tests/test_compile_e2e.py
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
EXAMPLE = ROOT / "examples" / "plugin-host"
FIXES = Path(__file__).resolve().parent / "e2e_fixes"
TARGETS = ["30", "33", "34", "36", "37", "39", "42", "43", "45", "48", "50"]
ENV = {**os.environ, "WASM_CODEMOD_ALLOW_UNVERIFIED": "1"}

# Breakage the tool leaves behind without a follow-up: a bug in a step, not something for a fix file.
KNOWN_BUGS: dict[str, str] = {
    # e.g. "42": "wasmtime-42-error-type leaves ... unreported (src/main.rs:51, E0599)"
}

pytestmark = [pytest.mark.compile, pytest.mark.matrix,
              pytest.mark.skipif(not have_cargo(), reason="needs cargo")]


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)


def _upgrade(crate: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "wasm_codemod", "upgrade", str(crate), *args], crate.parent)


def _expected(target: str) -> list[tuple[str, int, str]]:
    f = FIXES / target / "follow_ups.txt"
    out = []
    if f.exists():
        for ln in f.read_text().splitlines():
            if ln.strip() and not ln.startswith("#"):
                loc, step = ln.split(": ", 1)
                file, line = loc.rsplit(":", 1)
                out.append((file, int(line), step.strip()))
    return out


def _params():
    for t in TARGETS:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[t])] if t in KNOWN_BUGS else []
        yield pytest.param(t, marks=marks, id=t)


@pytest.mark.parametrize("target", list(_params()))
def test_e2e_upgrade_compiles(tmp_path: Path, target: str):
    crate = tmp_path / "plugin-host"
    shutil.copytree(EXAMPLE, crate, ignore=shutil.ignore_patterns("target"))

    up = _upgrade(crate, "--to", target, "--allow-dirty", "--format", "json")
    assert up.returncode == 0, up.stdout + up.stderr
    report = json.loads(up.stdout)
    assert not report["errors"], report["errors"]
    prefix = crate.name + "/"
    got = {(f["file"].removeprefix(prefix), f["line"], f["step"]): f["severity"] for f in report["follow_ups"]}

    want = _expected(target)
    missing = [w for w in want if w not in got]
    assert not missing, f"expected follow-ups not reported: {missing}\nreported: {sorted(got)}"
    unlisted = [k for k, sev in got.items() if sev == "manual" and k not in want]
    assert not unlisted, f"manual follow-ups without a fix in tests/e2e_fixes/{target}: {unlisted}"

    again = _upgrade(crate, "--to", target, "--check")
    assert again.returncode == 0, "second run not clean:\n" + again.stdout + again.stderr

    patch = FIXES / target / "fix.patch"
    if want:
        assert patch.exists(), f"follow-ups listed but no {patch}"
    if patch.exists():
        for cmd in (["git", "init", "-q"], ["git", "apply", "--check", str(patch)], ["git", "apply", str(patch)]):
            res = _run(cmd, crate)
            assert res.returncode == 0, f"{' '.join(cmd)}: {res.stderr}"

    res = cargo_check(crate, ["--ignore-rust-version", "--features", "e2e"])
    assert res.ok, f"--to {target} does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"

    final = _upgrade(crate, "--to", target, "--check")
    assert final.returncode == 0, "upgrade --check after the fixes is not clean:\n" + final.stdout + final.stderr
