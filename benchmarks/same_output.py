"""Record, then compare, the tool's dry-run output on every real-world cache tree (a safety check
for changes that must not change behaviour, such as performance work).

    python3 benchmarks/same_output.py record DIR [--jobs N] [--trees ROOT]
    python3 benchmarks/same_output.py compare DIR [--jobs N|auto] [--trees ROOT]

Each tree of ROOT (default: the real-world harness's cache, ~/.cache/wasm-codemod/realworld/trees)
is run as `upgrade . --to 50 --guest-to latest --dry-run --format json` from inside the tree, with
the tool of the current checkout/virtualenv. `record` stores stdout, stderr and the exit code per
tree in DIR; `compare` runs again and lists every tree whose output differs (exit 1 if any does).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

DEFAULT_TREES = Path.home() / ".cache" / "wasm-codemod" / "realworld" / "trees"


def run(tree: Path, jobs: str) -> bytes:
    cmd = [sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "50", "--guest-to", "latest",
           "--dry-run", "--format", "json", *(["--jobs", jobs] if jobs != "auto" else [])]
    p = subprocess.run(cmd, cwd=tree, capture_output=True, check=False)
    return b"exit %d\n--- stdout\n%s\n--- stderr\n%s" % (p.returncode, p.stdout, p.stderr)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("dir")
    ap.add_argument("--jobs", default="1", help="N, or auto (the default of the tool)")
    ap.add_argument("--trees", default=str(DEFAULT_TREES))
    args = ap.parse_args()
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    trees = sorted(p for p in Path(args.trees).iterdir() if p.is_dir())
    if not trees:
        print(f"no trees under {args.trees}: run `python3 -m realworld.score` once to build them", file=sys.stderr)
        return 2
    differ = []
    for t in trees:
        got = run(t, args.jobs)
        f = out / f"{t.name}.txt"
        if args.mode == "record":
            f.write_bytes(got)
        elif not f.is_file():
            print(f"{t.name}: not recorded", file=sys.stderr)
            differ.append(t.name)
        elif f.read_bytes() != got:
            (out / f"{t.name}.new.txt").write_bytes(got)
            differ.append(t.name)
            print(f"{t.name}: DIFFERS (see {f} and {t.name}.new.txt)")
    print(f"{len(trees)} trees, {len(differ)} differ" if args.mode == "compare" else f"{len(trees)} trees recorded")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
