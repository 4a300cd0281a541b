"""Side-by-side timing of wasm-codemod against rg and ast-grep over one large Rust tree.

Usage: python3 benchmarks/noop.py [TREE] [--runs N]
Default TREE: ~/.cargo/registry/src (run `cargo fetch` in the examples first to fill it).
Prints a markdown table: median wall time per tool and the ratio to rg.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tree", nargs="?", default=str(Path.home() / ".cargo" / "registry" / "src"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tree = Path(args.tree)
    files = sum(1 for _ in tree.rglob("*.rs"))
    tools: list[tuple[str, list[str]]] = []
    if shutil.which("rg"):
        tools.append(("rg -l 'wasmtime_wasi' (text search, peer)", ["rg", "-l", "--type", "rust", "wasmtime_wasi",
                                                                     str(tree)]))
    if shutil.which("ast-grep"):
        tools.append(("ast-grep 'impl WasiView for $T' (parses every file)",
                      ["ast-grep", "run", "-l", "rust", "-p", "impl WasiView for $T { $$$ }", str(tree)]))
    me = [sys.executable, "-m", "wasm_codemod", "upgrade", str(tree), "--format", "json"]
    tools.append(("wasm-codemod --to 29 --check (no-op: every crate already there)", me + ["--to", "29", "--check"]))
    tools.append(("wasm-codemod --to 50 --check (plans every wasmtime/wit-bindgen crate found up to 50)",
                  me + ["--to", "50", "--check"]))
    rows = [(name, timed(cmd, args.runs)) for name, cmd in tools]
    base = rows[0][1] if rows and rows[0][0].startswith("rg") else None
    print(f"tree: {tree} ({files} .rs files), median of {args.runs} runs, one machine, one session\n")
    print("| tool | median s | ratio to rg |")
    print("|---|---|---|")
    for name, t in rows:
        print(f"| {name} | {t:.2f} | {t / base:.1f}x |" if base else f"| {name} | {t:.2f} | - |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
