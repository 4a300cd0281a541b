"""Regenerate the recorded compiler output the fix-loop unit tests read.

    python3 scripts/record_fixloop_json.py [CRATE...]

For each crate under tests/fixloop/crates/ (our own code, written for this purpose) runs
`cargo check --message-format=json` and writes tests/fixloop/recorded/<crate>.jsonl: the error
messages only, with the crate's directory written as `<crate>` and the cargo home as `<cargo>`
so the files do not depend on this machine. Builds share the compile oracle's target dir
(WASM_CODEMOD_ORACLE_TARGET, default ~/.cache/wasm-codemod/oracle-target).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRATES = ROOT / "tests" / "fixloop" / "crates"
OUT = ROOT / "tests" / "fixloop" / "recorded"
TARGET = Path(os.environ.get("WASM_CODEMOD_ORACLE_TARGET", Path.home() / ".cache" / "wasm-codemod" / "oracle-target"))
CARGO_HOME = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))


def record(crate: Path) -> int:
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET), CARGO_TERM_COLOR="never")
    proc = subprocess.run(["nice", "-n", "10", "cargo", "check", "--quiet", "--message-format=json"], cwd=crate,
                          env=env, capture_output=True, text=True, check=False)
    lines = []
    for ln in proc.stdout.splitlines():
        doc = json.loads(ln)
        if doc.get("reason") != "compiler-message" or doc["message"]["level"] != "error":
            continue
        text = json.dumps(doc, sort_keys=True)
        text = text.replace(str(crate.resolve()), "<crate>").replace(str(CARGO_HOME), "<cargo>")
        lines.append(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{crate.name}.jsonl").write_text("".join(f"{ln}\n" for ln in lines))
    if crate.name.startswith("skew-"):  # the old copies are read from the lock (fixloop/skew.py)
        (OUT / f"{crate.name}.Cargo.lock").write_bytes((crate / "Cargo.lock").read_bytes())
    return len(lines)


def main(argv: list[str]) -> int:
    names = argv or sorted(p.name for p in CRATES.iterdir() if (p / "Cargo.toml").is_file())
    for n in names:
        print(f"{n}: {record(CRATES / n)} error message(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
