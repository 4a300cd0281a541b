"""The line diff behind --dry-run, JSON hunks and --verify: always a patch git applies, and near
linear time on long files with repeated lines (difflib took 143 s on 488 KB)."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wasm_codemod import linediff

ALPHABET = [b"x\n", b"}\n", b"    Ok(())\n", b"\n", b"\r\n", b"a\x0cb\n", "caf\u00e9\u2028x\n".encode()]


def _mutate(rng: random.Random, lines: list[bytes]) -> list[bytes]:
    out = list(lines)
    for _ in range(rng.randint(1, 8)):
        k = rng.randint(0, len(out))
        op = rng.random()
        if op < 0.35 and out:
            out[min(k, len(out) - 1)] = f"changed {rng.random()}\n".encode()
        elif op < 0.7:
            out.insert(k, rng.choice(ALPHABET))
        elif out:
            del out[min(k, len(out) - 1)]
    return out


@pytest.mark.parametrize("exact_cells", [0, 250_000])  # 0: anchors and whole-gap replaces only
def test_random_diffs_apply_with_git(tmp_path: Path, monkeypatch, exact_cells: int):
    monkeypatch.setattr(linediff, "_EXACT_CELLS", exact_cells)
    rng = random.Random(exact_cells + 7)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    target = tmp_path / "f.rs"
    tried = 0
    while tried < 120:
        a = [rng.choice(ALPHABET) if rng.random() < 0.6 else f"line {rng.randint(0, 999)}\n".encode()
             for _ in range(rng.randint(0, 70))]
        old, new = b"".join(a), b"".join(_mutate(rng, a))
        if rng.random() < 0.2:
            old = old.rstrip(b"\n")
        if rng.random() < 0.2:
            new = new.rstrip(b"\n")
        if old == new:
            continue
        tried += 1
        target.write_bytes(old)
        patch = tmp_path / "p.diff"
        patch.write_bytes(b"diff --git a/f.rs b/f.rs\n" + linediff.unified(old, new, "a/f.rs", "b/f.rs"))
        res = subprocess.run(["git", "apply", str(patch)], cwd=tmp_path, capture_output=True)
        assert res.returncode == 0, (old, new, res.stderr, patch.read_bytes())
        assert target.read_bytes() == new


def test_lines_split_on_newline_only():
    ls = "\u2028".encode()  # str.splitlines would split here and at \x0c; git does not
    assert linediff.split_lines(b"a\x0cb\r\nc" + ls) == [b"a\x0cb\r\n", b"c" + ls]
    assert linediff.split_lines(b"") == [] and linediff.split_lines(b"x\n") == [b"x\n"]


def test_equal_inputs_give_no_diff():
    assert linediff.unified(b"a\nb\n", b"a\nb\n", "a", "b") == b""


def test_long_repetitive_file_diffs_in_near_linear_time():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bigfile import generate

    old = generate(8 * 2**20)  # 8 MiB, ~280,000 lines, most of them repeated many times
    new = old.replace(b"use wasmtime_wasi::{", b"use wasmtime_wasi::p2::{")
    t = time.perf_counter()
    ops = linediff.changed(linediff.opcodes(linediff.split_lines(old), linediff.split_lines(new)))
    took = time.perf_counter() - t
    assert len(ops) == old.count(b"use wasmtime_wasi::{")  # one hunk per rewritten line, nothing more
    assert all(t == "replace" and i2 - i1 == 1 and j2 - j1 == 1 for t, i1, i2, j1, j2 in ops)
    assert took < 20, f"{took:.1f} s"
