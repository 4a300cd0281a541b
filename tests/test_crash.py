"""Slow tier: kill a write over a 200-crate tree at 30 points, rerun, and check nothing was lost.

Run with: python3 -m pytest -m crash tests/test_crash.py -s
(an hour or more on 2 busy cores; WASM_CODEMOD_CRASH_ONLY=A-B runs only trials A..B)

The tree is 200 copies of examples/plugin-host in one git repository; `upgrade . --to 36`
replaces 5 files in each (1000 renames, the 200 Cargo.toml last). Kill points:

- 16 exact ones from the writer's hook (WASM_CODEMOD_CRASH_AT): during staging, after the
  journal's `staged` line, at chosen renames (first, second, a quarter, half, the last source,
  the first and last manifest, all), after the renames and during the cleanup;
- 10 SIGKILLs and 4 SIGTERMs from outside at a random instant of the write (after the journal
  appears, within the time a whole write takes); seed WASM_CODEMOD_CRASH_SEED (default 11).

After each kill: no file is torn (each is at its before or after content), then one rerun in
write mode ends with every file at its after content, no temp file or journal left anywhere,
and `--check` exits 0. A summary table goes to stdout and crash-report.json in the temp dir.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import EXAMPLE, git

from wasm_codemod import writer

pytestmark = pytest.mark.crash

COPIES = int(os.environ.get("WASM_CODEMOD_CRASH_COPIES", "200"))
FILES_PER_COPY = 5  # what --to 36 changes in the example: 4 .rs files and Cargo.toml


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.relative_to(root).parts}


def leftovers(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.endswith((writer.NEW_SUFFIX, writer.OLD_SUFFIX, ".wasm-codemod"))
                  or p.name in (writer.JOURNAL, writer.DOT_JOURNAL))


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "36", *args], cwd=root,
                          env=env, capture_output=True, check=False, timeout=1800)


def timed_write(root: Path, kill_after: float | None = None,
                sig: int = signal.SIGKILL) -> tuple[int, float, bool]:
    """Start a write; once its journal exists, wait ``kill_after`` seconds and send ``sig``.
    Returns (exit code, seconds from the journal's appearance to the end, whether the signal was sent)."""
    journal = root / ".git" / writer.JOURNAL
    proc = subprocess.Popen([sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "36"], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = None
    sent = False
    while proc.poll() is None:
        if seen is None and journal.exists():
            seen = time.perf_counter()
        if seen is not None and kill_after is not None and not sent and time.perf_counter() - seen >= kill_after:
            proc.send_signal(sig)
            sent = True
        time.sleep(0.002)
    proc.wait()
    return proc.returncode, (time.perf_counter() - seen) if seen else 0.0, sent


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    base = tmp_path_factory.mktemp("crash")
    template = base / "template"
    for i in range(COPIES):
        shutil.copytree(EXAMPLE, template / f"crate-{i:03d}", ignore=shutil.ignore_patterns("target"))
    git("init", "-q", cwd=template)
    git("add", ".", cwd=template)
    git("commit", "-qm", "init", cwd=template)
    before = snapshot(template)
    ref = base / "reference"
    shutil.copytree(template, ref, symlinks=True)
    code, write_secs, _ = timed_write(ref)
    assert code == 0
    after = snapshot(ref)
    changed = sum(before[f] != after[f] for f in before)
    assert changed == COPIES * FILES_PER_COPY
    return {"base": base, "template": template, "before": before, "after": after, "n": changed,
            "write_secs": max(write_secs, 0.05)}


def kill_points(n: int, manifests: int, rng: random.Random, write_secs: float) -> list[tuple[str, str, float]]:
    """(label, kind, argument): kind "hook" takes a hook point, "KILL"/"TERM" a delay in seconds."""
    sources = n - manifests
    exact = ["stage:1", f"stage:{n // 2}", f"stage:{n}", "staged", "rename:1", "rename:2", f"rename:{n // 4}",
             f"rename:{n // 2}", f"rename:{sources - 1}", f"rename:{sources}", f"rename:{sources + 1}",
             f"rename:{n - 1}", f"rename:{n}", "renamed", "cleanup:1", f"cleanup:{n}"]
    pts: list[tuple[str, str, float]] = [(p, "hook", 0.0) for p in exact]
    for k in range(10):
        pts.append((f"random SIGKILL #{k + 1}", "KILL", rng.uniform(0, write_secs)))
    for k in range(4):
        pts.append((f"random SIGTERM #{k + 1}", "TERM", rng.uniform(0, write_secs)))
    return pts


def test_thirty_kills_then_one_rerun_each(fleet):
    seed = int(os.environ.get("WASM_CODEMOD_CRASH_SEED", "11"))
    rng = random.Random(seed)
    before, after, n = fleet["before"], fleet["after"], fleet["n"]
    points = kill_points(n, COPIES, rng, fleet["write_secs"])
    assert len(points) == 30
    # WASM_CODEMOD_CRASH_ONLY=15-29 runs a slice (to spread the 30 trials over processes or sessions)
    only = os.environ.get("WASM_CODEMOD_CRASH_ONLY")
    if only:
        lo, _, hi = only.partition("-")
        keep = range(int(lo), int(hi or lo) + 1)
        points = [p if i in keep else None for i, p in enumerate(points)]  # type: ignore[misc]
    rows = []
    progress = fleet["base"] / "crash-progress.jsonl"  # one line per trial as it ends
    print(f"\ncrash tier: progress in {progress}", flush=True)
    for i, point in enumerate(points):
        if point is None:
            continue
        label, kind, arg = point
        trial = fleet["base"] / f"trial-{i:02d}"
        shutil.copytree(fleet["template"], trial, symlinks=True)
        if kind == "hook":
            env = dict(os.environ, WASM_CODEMOD_CRASH_AT=label)
            code = run(trial, env=env).returncode
            sent = True
        else:
            code, _, sent = timed_write(trial, arg, signal.SIGKILL if kind == "KILL" else signal.SIGTERM)
        mid = snapshot(trial)
        torn = [f for f in before if mid.get(f) not in (before[f], after[f])]
        at_after = sum(mid[f] == after[f] and before[f] != after[f] for f in before)
        rerun = run(trial)
        err = rerun.stderr.decode()
        action = ("completed" if "completed it" in err else "rolled back" if "rolled back it" in err
                  else "no journal")
        final = snapshot(trial)
        left = leftovers(trial)
        check = run(trial, "--check").returncode
        ok = not torn and rerun.returncode == 0 and final == after and not left and check == 0
        rows.append({"point": label, "signal_sent": sent, "killed_exit": code, "files_at_after_when_killed": at_after,
                     "recovery": action, "rerun_exit": rerun.returncode, "consistent": final == after,
                     "torn": len(torn), "leftovers": len(left), "check_exit": check, "ok": ok})
        with progress.open("a") as fh:
            fh.write(json.dumps(rows[-1]) + "\n")
        if ok:
            shutil.rmtree(trial)
    report = fleet["base"] / "crash-report.json"
    report.write_text(json.dumps({"seed": seed, "files": n, "write_secs": fleet["write_secs"], "trials": rows},
                                 indent=2))
    print(f"\ncrash tier: {COPIES} crates, {n} files per write, seed {seed}, report {report}")
    print(f"{'point':<22} {'exit':>5} {'after':>6} {'recovery':<12} {'torn':>4} {'left':>4} {'check':>5} ok")
    for r in rows:
        print(f"{r['point']:<22} {r['killed_exit']:>5} {r['files_at_after_when_killed']:>6} {r['recovery']:<12} "
              f"{r['torn']:>4} {r['leftovers']:>4} {r['check_exit']:>5} {r['ok']}")
    good = sum(r["ok"] for r in rows)
    print(f"{good}/{len(rows)} trials consistent after one rerun; "
          f"{sum(r['leftovers'] for r in rows)} temp files left")
    assert good == len(rows) == sum(p is not None for p in points), [r for r in rows if not r["ok"]]
