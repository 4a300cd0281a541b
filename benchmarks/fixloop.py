"""Errors after the chain alone vs after the fix loop of `--verify`, with the time per round.

    python3 benchmarks/fixloop.py e2e [TARGET...]        # examples/plugin-host, `--features e2e`
    python3 benchmarks/fixloop.py realworld [PAIR...]    # the small pairs of the real-world corpus
    python3 benchmarks/fixloop.py table FILE...          # the table again from earlier runs' --json

One `upgrade --verify` run per subject, in a throwaway git copy: its report holds the errors
after the chain (`errors_before`, the first `cargo check`), each round, and the errors left,
each marked when it lies inside a site a step reported for a person. Cargo builds go to
WASM_CODEMOD_VERIFY_TARGET if set, else to the warm target dir of the compile tier (e2e:
WASM_CODEMOD_ORACLE_TARGET) or of the corpus harness (realworld) under `nice -n 10`,
with RUSTUP_TOOLCHAIN=stable unless set (a pinned rust-toolchain file would need a download).

`realworld` needs the corpus harness (`realworld/`, issue 17) and the mirrors
(WASM_CODEMOD_MIRRORS); it builds each pair's `before` tree from its mirror. Prints a Markdown
table; `--json FILE` keeps every report.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "plugin-host"
E2E_TARGETS = ["36", "37", "42", "50"]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.email=b@wasm-codemod", "-c", "user.name=bench", *args], cwd=cwd, check=True,
                   capture_output=True)


def upgrade(tree: Path, args: list[str], cargo_args: list[str],
            target: Path | None = None) -> tuple[dict[str, Any], float, int]:
    # a project's rust-toolchain file would make rustup fetch another toolchain: use the installed one
    env = dict(os.environ, WASM_CODEMOD_ALLOW_UNVERIFIED="1",
               RUSTUP_TOOLCHAIN=os.environ.get("RUSTUP_TOOLCHAIN", "stable"))
    if target is not None and "WASM_CODEMOD_VERIFY_TARGET" not in os.environ:
        env["WASM_CODEMOD_VERIFY_TARGET"] = str(target)  # a warm target dir: dependencies already built
    cmd = ["nice", "-n", "10", sys.executable, "-m", "wasm_codemod", "upgrade", ".", *args, "--verify",
           "--format", "json", *[f"--cargo-arg={a}" for a in cargo_args]]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=False)
    took = time.monotonic() - t0
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError:
        doc = {"error": proc.stderr[-2000:]}
    return doc, took, proc.returncode


def summarize(name: str, doc: dict[str, Any], took: float, code: int) -> dict[str, Any]:
    vs = doc.get("verify") or []
    before = sum(v.get("errors_before", len(v["errors"])) for v in vs)
    left = [e for v in vs for e in v["errors"]]
    rounds = [r for v in vs for r in v.get("rounds", [])]
    by_source: dict[str, int] = {}
    for v in vs:
        for k, n in v.get("fixes_by_source", {}).items():
            by_source[k] = by_source.get(k, 0) + n
    return {
        "subject": name, "exit": code, "crates": len(vs), "errors_after_chain": before, "errors_after_loop": len(left),
        "left_at_reported_sites": sum(1 for e in left if e.get("at_reported_site")),
        "left_skew": sum(1 for e in left if e.get("skew") and not e.get("at_reported_site")),
        "left_elsewhere": [f"{e['file']}:{e['line']} {e.get('code') or ''} {e['message'][:90]}"
                           + (" [old copy of the library]" if e.get("skew") else "") for e in left
                           if not e.get("at_reported_site")],
        "skew": [v["skew"] for v in vs if v.get("skew")],
        "first_check_s": round(sum(v.get("first_check_seconds", 0) for v in vs), 1),
        "rounds": [f"{r['errors_before']}->{r['errors_after']} {r['status']} {r['seconds']:.1f}s" for r in rounds],
        "fixes": by_source, "total_s": round(took, 1),
        "failed_checks": [v.get("output", "")[-300:] for v in vs if v.get("output")],
    }


def _oracle_target() -> Path:
    """The compile tier's target dir (tests/oracle.py), where each wasmtime version is already built."""
    return Path(os.environ.get("WASM_CODEMOD_ORACLE_TARGET", Path.home() / ".cache" / "wasm-codemod" / "oracle-target"))


def e2e(targets: list[str]) -> list[dict[str, Any]]:
    out = []
    for t in targets:
        with tempfile.TemporaryDirectory() as d:
            tree = Path(d) / "plugin-host"
            shutil.copytree(EXAMPLE, tree, ignore=shutil.ignore_patterns("target"))
            _git("init", "-q", cwd=tree)
            _git("add", "-A", cwd=tree)
            _git("commit", "-qm", "before", cwd=tree)
            cargo = ["--features", "e2e"] + (["--ignore-rust-version"] if int(t) >= 49 else [])
            doc, took, code = upgrade(tree, ["--to", t], cargo, _oracle_target())
            out.append(summarize(f"plugin-host --to {t}", doc, took, code) | {"report": doc})
    return out


def realworld(names: list[str], to: str | None = None) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))  # realworld/ lives at the top of the checkout
    from realworld.compile import SMALL, target_dir  # type: ignore[import-not-found]
    from realworld.corpus import find_mirror, load_corpus, select  # type: ignore[import-not-found]
    from realworld.trees import build_tree, work_copy  # type: ignore[import-not-found]

    out = []
    for pair in select(load_corpus(), names or None):
        if pair.slug not in SMALL:
            continue
        mirror = find_mirror(pair.repo)
        if mirror is None:
            out.append({"subject": pair.name, "skipped": "no mirror"})
            continue
        tree, _meta = build_tree(pair, mirror)
        with tempfile.TemporaryDirectory() as d, work_copy(tree, Path(d) / pair.slug) as root:
            args = pair.tool_args() if to is None else ["--guest-to" if pair.guest else "--to", to]
            doc, took, code = upgrade(root, args, ["--ignore-rust-version"], target_dir(pair))
            name = pair.name if to is None else f"{pair.name.rsplit(' ', 1)[0]} {pair.from_.split()[-1]}→{to}"
            out.append(summarize(name, doc, took, code) | {"report": doc})
    return out


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| subject | crates | errors after chain | after loop | of which at reported sites | of which meet "
             "an old copy | rounds (errors, status, time) | fixes | first check | whole run |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "skipped" in r:
            lines.append(f"| {r['subject']} | skipped: {r['skipped']} | | | | | | | | |")
            continue
        fixes = ", ".join(f"{n} {k}" for k, n in sorted(r["fixes"].items())) or "none"
        lines.append(f"| {r['subject']} | {r['crates']} | {r['errors_after_chain']} | {r['errors_after_loop']} | "
                     f"{r['left_at_reported_sites']} | {r['left_skew']} | {'; '.join(r['rounds']) or 'none'} | "
                     f"{fixes} | "
                     f"{r['first_check_s']}s | {r['total_s']}s |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 benchmarks/fixloop.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["e2e", "realworld", "table"])
    ap.add_argument("names", nargs="*", help="targets (e2e), pairs (realworld), --json files of earlier runs (table)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--to", help="realworld: upgrade each pair's before tree to this version instead of the "
                                 "maintainers' (how far the chain and the loop get beyond it)")
    a = ap.parse_args(argv)
    if a.what == "table":  # the table again from the reports an earlier run kept
        rows = [summarize(r["subject"], r["report"], r["total_s"], r["exit"]) if "report" in r else r
                for f in a.names for r in json.loads(Path(f).read_text())]
    else:
        rows = e2e(a.names or E2E_TARGETS) if a.what == "e2e" else realworld(a.names, a.to)
    print(table(rows))
    for r in rows:
        for e in r.get("left_elsewhere", []):
            print(f"  {r['subject']}: not at a reported site: {e}")
        for k in r.get("skew", []):
            print(f"  {r['subject']}: {k}")
        for f in r.get("failed_checks", []):
            print(f"  {r['subject']}: cargo failed: {f}")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
