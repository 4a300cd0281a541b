"""Maintainer script: which crates crates.io publishes in lock-step with wasmtime, and at which majors.

Walks the crates.io sparse index from wasmtime's user-facing crates through every dependency that
is required at the same major (`=N.x.y` / `^N.x.y`) and has a wasmtime-family name, then writes
src/wasm_codemod/data/wasmtime-lockstep.json (crate -> majors published, not yanked, no pre-releases).

    python3 scripts/lockstep_crates.py            # needs network access to index.crates.io
"""

from __future__ import annotations

import datetime
import json
import re
import urllib.request
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "wasm_codemod" / "data" / "wasmtime-lockstep.json"
SEEDS = ("wasmtime", "wasmtime-cli", "wasmtime-wasi", "wasmtime-wasi-http", "wasmtime-wasi-io", "wiggle",
         "wasi-common", "wasmtime-c-api-impl", "wasmtime-wizer", "wasmtime-wasi-nn", "wasmtime-wasi-config",
         "wasmtime-wasi-keyvalue", "wasmtime-wasi-tls", "wasmtime-wasi-threads", "wasmtime-wast",
         "wasmtime-wasi-tls-nativetls", "wasmtime-wasi-tls-openssl",
         # the preview1 adapter, published from wasmtime's repo at wasmtime's majors (some skipped)
         "wasi-preview1-component-adapter-provider")
FAMILY_NAME = re.compile(r"^(wasmtime|wiggle|wasi-common|pulley|winch)")
OLDEST = 20


def index_path(name: str) -> str:
    n = name.lower()
    if len(n) <= 2:
        return f"{len(n)}/{n}"
    if len(n) == 3:
        return f"3/{n[0]}/{n}"
    return f"{n[:2]}/{n[2:4]}/{n}"


def versions(name: str) -> list[dict]:
    try:
        with urllib.request.urlopen(f"https://index.crates.io/{index_path(name)}", timeout=30) as r:
            body = r.read().decode()
    except OSError:
        return []
    return [json.loads(line) for line in body.splitlines() if line.strip()]


def main() -> None:
    seen: dict[str, list[dict]] = {}
    todo = list(SEEDS)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen[name] = versions(name)
        for v in seen[name]:
            major = v["vers"].split(".")[0]
            if not major.isdigit() or int(major) < OLDEST:
                continue
            for d in v["deps"]:
                dep = d.get("package") or d["name"]
                if re.sub(r"^[=^~]", "", d["req"]).split(".")[0] == major and FAMILY_NAME.match(dep):
                    if dep not in seen and dep not in todo:
                        todo.append(dep)
    crates: dict[str, list[int]] = {}
    for name, vs in sorted(seen.items()):
        majors = sorted({int(v["vers"].split(".")[0]) for v in vs
                         if not v.get("yanked") and "-" not in v["vers"] and v["vers"].split(".")[0].isdigit()})
        majors = [m for m in majors if m >= OLDEST]
        if majors:
            crates[name] = majors
    doc = {"checked": datetime.date.today().isoformat(),
           "source": "crates.io sparse index, walked by scripts/lockstep_crates.py",
           "crates": crates}
    OUT.write_text(json.dumps(doc, indent=1) + "\n", "utf-8")
    print(f"{len(crates)} crates -> {OUT}")


if __name__ == "__main__":
    main()
