"""The end-to-end compile check shared by the slow tiers (test_compile_e2e, test_compile_legacy).

A copy of an example crate is upgraded `--to N`; the reported follow-ups must cover the sites of
`<fixes>/<N>/follow_ups.txt` (`<file>:<line>: <step>`, file relative to the crate) and every
`manual` follow-up must be listed there; `upgrade --check` must then be clean; the person's fix
`<fixes>/<N>/fix.patch` is applied with `git apply`, and `cargo check` must pass.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from oracle import cargo_check

ENV = {**os.environ, "WASM_CODEMOD_ALLOW_UNVERIFIED": "1"}


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)


def upgrade(crate: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "wasm_codemod", "upgrade", str(crate), *args], crate.parent)


def expected_follow_ups(fixes: Path, target: str) -> list[tuple[str, int, str]]:
    f = fixes / target / "follow_ups.txt"
    out = []
    for ln in f.read_text().splitlines() if f.exists() else []:
        if ln.strip() and not ln.startswith("#"):
            loc, step = ln.split(": ", 1)
            file, line = loc.rsplit(":", 1)
            out.append((file, int(line), step.strip()))
    return out


def upgrade_fix_and_check(example: Path, dest: Path, target: str, fixes: Path, cargo_args: list[str],
                          from_line: str | None = None) -> None:
    """Assert the whole sequence for one target (see the module doc); ``dest`` is the copy's path."""
    shutil.copytree(example, dest, ignore=shutil.ignore_patterns("target"))
    up = upgrade(dest, "--to", target, "--allow-dirty", "--format", "json")
    assert up.returncode == 0, up.stdout + up.stderr
    report = json.loads(up.stdout)
    assert not report["errors"], report["errors"]
    if from_line is not None:
        assert report["crates"][0]["plans"][0]["from"] == from_line
    prefix = dest.name + "/"
    got = {(f["file"].removeprefix(prefix), f["line"], f["step"]): f["severity"] for f in report["follow_ups"]}
    want = expected_follow_ups(fixes, target)
    missing = [w for w in want if w not in got]
    assert not missing, f"expected follow-ups not reported: {missing}\nreported: {sorted(got)}"
    unlisted = [k for k, sev in got.items() if sev == "manual" and k not in want]
    assert not unlisted, f"manual follow-ups without a fix in {fixes.name}/{target}: {unlisted}"

    again = upgrade(dest, "--to", target, "--check")
    assert again.returncode == 0, "second run not clean:\n" + again.stdout + again.stderr

    patch = fixes / target / "fix.patch"
    if want:
        assert patch.exists(), f"follow-ups listed but no {patch}"
    if patch.exists():
        for cmd in (["git", "init", "-q"], ["git", "apply", "--check", str(patch)], ["git", "apply", str(patch)]):
            res = run(cmd, dest)
            assert res.returncode == 0, f"{' '.join(cmd)}: {res.stderr}"

    res = cargo_check(dest, cargo_args)
    assert res.ok, f"--to {target} does not compile:\n{res.output}\n--- upgrade said:\n{up.stdout}"

    final = upgrade(dest, "--to", target, "--check")
    assert final.returncode == 0, "upgrade --check after the fixes is not clean:\n" + final.stdout + final.stderr
