"""Robustness of the Python side on real code: every wasmtime-py step (29 -> 50) over a tree of .py
files, e.g. a site-packages directory that holds wasmtime-py itself.

    python3 benchmarks/py_robustness.py [TREE]     # default: this interpreter's site-packages

The tree is copied into a temporary project declaring `wasmtime==29.0.0`; the tool must raise no
internal error, a second run over its own output must change nothing. Prints one JSON line.
"""

from __future__ import annotations

import json
import shutil
import site
import sys
import tempfile
import time
from pathlib import Path

from wasm_codemod.runner import RunOptions, plan_run, write_all


def main() -> int:
    tree = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(site.getsitepackages()[0])
    with tempfile.TemporaryDirectory() as td:
        proj = Path(td) / "proj"
        shutil.copytree(tree, proj, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyc"))
        (proj / "requirements.txt").write_text("wasmtime==29.0.0\n")
        opts = RunOptions(targets={"wasmtime-py": "50"})
        t0 = time.perf_counter()
        first = plan_run([proj], opts, base=proj)
        t1 = time.perf_counter()
        write_all(first.changes)
        second = plan_run([proj], opts, base=proj)
        py_files = sum(1 for _ in proj.rglob("*.py"))
        print(json.dumps({
            "tree": str(tree),
            "py_files": py_files,
            "files_parsed": sum(p.files_parsed for p in first.projects),
            "seconds": round(t1 - t0, 2),
            "files_changed": len(first.changes),
            "changed": sorted(first.rel(c.path) for c in first.changes),
            "follow_ups": len(first.follow_ups),
            "not_parsed": sum(1 for f in first.follow_ups if f.step == "engine"),
            "internal_errors": len(first.internal_errors) + len(second.internal_errors),
            "second_run_changes": len(second.changes),
        }))
        return 0 if not first.internal_errors and not second.changes else 1


if __name__ == "__main__":
    raise SystemExit(main())
