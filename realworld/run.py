"""Run the tool on each pair's `before` tree as a user would, and record what happened.

    python3 -m realworld.run [PAIR...] [--fresh] [--markdown FILE]

From the tree root: `<tool> upgrade . --to N --format json --report FILE` (detection, no
--from; `--guest-to` for guest pairs), write mode, then `git diff` of the tree. The tool is
`python3 -m wasm_codemod` of this interpreter (the checkout installed in the active venv) unless
WASM_CODEMOD_TOOL names another command. Results go to the cache, keyed by the tool's commit.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import Pair, cache_root, find_mirror, load_corpus, select
from .trees import build_tree, git, work_copy

TIMEOUT_S = 1800
# the guest family: `wasmtime-wit-bindgen` (a wasmtime lock-step crate) is not it
WIT_BINDGEN = re.compile(r"(?<![\w-])wit[-_]bindgen")


@dataclass(frozen=True)
class Tool:
    cmd: list[str]
    ident: str  # commit of the measured checkout (+ a hash of uncommitted changes), or "" if unknown
    describe: str  # one line for the docs: commit and subject, or the command

    @property
    def cacheable(self) -> bool:
        return bool(self.ident)


def tool() -> Tool:
    env = os.environ.get("WASM_CODEMOD_TOOL")
    if env:
        return Tool(shlex.split(env), "", env)
    spec = importlib.util.find_spec("wasm_codemod")
    cmd = [sys.executable, "-m", "wasm_codemod"]
    if spec is None or spec.origin is None:
        # every pair would "run" with exit 1 and score as all missed: refuse instead
        raise SystemExit(
            f"wasm_codemod is not importable by {sys.executable}; run `pip install -e .` in the"
            " checkout to measure (or set WASM_CODEMOD_TOOL to the command to run)"
        )
    src = Path(spec.origin).resolve().parent
    try:
        top = Path(git("rev-parse", "--show-toplevel", cwd=src).decode().strip())
        # the last commit that changed the tool's code names it (label and doc commits don't)
        head = git("log", "-1", "--format=%H", "--", "src", "transforms", cwd=top).decode().strip()
        subject = git("log", "-1", "--format=%s", head, cwd=top).decode().strip()
        dirty = git("diff", "HEAD", "--", "src", "transforms", "pyproject.toml", cwd=top)
    except (subprocess.CalledProcessError, FileNotFoundError):
        return Tool(cmd, "", f"python3 -m wasm_codemod from {src}")
    # keyed by the tool's code, not the commit: commits that touch only labels or docs reuse runs
    trees = git("rev-parse", "HEAD:src", "HEAD:transforms", cwd=top)
    ident = "code-" + hashlib.sha1(trees + dirty).hexdigest()[:12]
    return Tool(cmd, ident, f"{head[:12]}{' (with uncommitted changes)' if dirty else ''} {subject[:80]}")


def results_dir(t: Tool) -> Path:
    return cache_root() / "runs" / (t.ident or "uncached")


def run_pair(pair: Pair, t: Tool, fresh: bool = False) -> dict[str, Any]:
    """Run once (or reuse the cached result for this tool commit); see the module doc for the fields."""
    out = results_dir(t) / f"{pair.slug}.json"
    if t.cacheable and not fresh and out.is_file():
        res = json.loads(out.read_text())
        if res.get("status") == "ran":
            res["summary"] = summarize(pair, res)  # recomputed: the counting may have improved
        return res
    base: dict[str, Any] = {"pair": pair.slug, "name": pair.name, "repo": pair.repo, "before": pair.before,
                            "after": pair.after, "to": pair.to, "in_scope": pair.in_scope, "tool": t.describe}
    mirror = find_mirror(pair.repo)
    if mirror is None:
        return {**base, "status": "no-mirror"}
    tree, meta = build_tree(pair, mirror)
    report_file = results_dir(t) / f"{pair.slug}.report.json"
    report_file.parent.mkdir(parents=True, exist_ok=True)
    report_file.unlink(missing_ok=True)
    args = ["upgrade", ".", *pair.tool_args(), "--format", "json", "--report", str(report_file)]
    work = cache_root() / "work" / f"{pair.slug}-{os.getpid()}"
    with work_copy(tree, work) as root:
        start = time.monotonic()
        try:
            proc = subprocess.run(t.cmd + args, cwd=root, capture_output=True, timeout=TIMEOUT_S,
                                  env=dict(os.environ, NO_COLOR="1", COLUMNS="200"))
            code, stderr = proc.returncode, proc.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as exc:
            code, stderr = -1, f"timeout after {TIMEOUT_S}s\n" + (exc.stderr or b"").decode("utf-8", "replace")
        wall = time.monotonic() - start
        git("add", "-A", "-f", cwd=root)
        diff = git("diff", "--cached", "--no-color", "--no-ext-diff", "--no-renames", "HEAD", cwd=root)
    report: dict[str, Any] = {}
    if report_file.is_file():
        try:
            report = json.loads(report_file.read_text())
        except json.JSONDecodeError:
            report = {}
    res = {**base, "status": "ran", "args": args, "exit_code": code, "wall_s": round(wall, 2),
           "missing_blobs": meta.get("missing_blobs", []), "submodules": meta.get("submodules", []),
           "stderr_tail": stderr[-4000:], "report": report, "diff": diff.decode("utf-8", "surrogateescape")}
    res["summary"] = summarize(pair, res)
    if t.cacheable:
        out.write_text(json.dumps(res, indent=1))
    return res


def summarize(pair: Pair, res: dict[str, Any]) -> dict[str, Any]:
    """The per-pair numbers of the run (issue 16's table)."""
    rep = res.get("report") or {}
    fus = rep.get("follow_ups", [])
    internal = [f for f in fus if f.get("step") == "internal-error"]
    totals_internal = int((rep.get("totals") or {}).get("internal_errors") or 0)
    code = res["exit_code"]
    crashed = code == 6 or code < 0 or "Traceback (most recent call last)" in res.get("stderr_tail", "")
    files = sorted({ln[6:] for ln in res["diff"].splitlines() if ln.startswith("+++ b/")}
                   | {ln[6:] for ln in res["diff"].splitlines() if ln.startswith("--- a/")})
    wit = 0
    if not pair.guest:
        wit = sum(1 for ln in res["diff"].splitlines()
                  if ln[:1] in "+-" and not ln.startswith(("+++ ", "--- ")) and WIT_BINDGEN.search(ln))
    return {
        "exit_code": code,
        "refused": code == 3,
        "crashed": crashed,
        "internal_errors": max(len(internal), totals_internal) + (1 if crashed and not internal else 0),
        "skipped": rep.get("skipped", []),
        "errors": rep.get("errors", []),
        "follow_ups": len(fus),
        "files_changed": len(files),
        "wit_bindgen_lines": wit,
        "wall_s": res["wall_s"],
        "tool_status": rep.get("status"),
    }


def table(rows: list[dict[str, Any]]) -> str:
    head = ("| pair | to | exit | refused | crash/internal | skipped crates | follow-ups | files changed "
            "| wit-bindgen lines | wall s |\n|---|---|---|---|---|---|---|---|---|---|\n")
    body = []
    for r in rows:
        if r.get("status") != "ran":
            body.append(f"| {r['name']} | {r['to']} | no mirror: skipped | | | | | | | |")
            continue
        s = r["summary"]
        body.append(f"| {r['name']} | {r['to']} | {s['exit_code']} | {'yes' if s['refused'] else ''} "
                    f"| {s['internal_errors'] or ''} | {len(s['skipped']) or ''} | {s['follow_ups']} "
                    f"| {s['files_changed']} | {s['wit_bindgen_lines'] if not r['in_scope'] == 'guest' else 'n/a'} "
                    f"| {s['wall_s']} |")
    return head + "\n".join(body) + "\n"


def totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    ran = [r for r in rows if r.get("status") == "ran"]
    return {
        "pairs": len(rows),
        "ran": len(ran),
        "no_mirror": len(rows) - len(ran),
        "refused": sum(r["summary"]["refused"] for r in ran),
        "crashed": sum(r["summary"]["crashed"] for r in ran),
        "internal_errors": sum(r["summary"]["internal_errors"] for r in ran),
        "pairs_with_skips": sum(bool(r["summary"]["skipped"]) for r in ran),
        "wit_bindgen_lines": sum(r["summary"]["wit_bindgen_lines"] for r in ran),
    }


def run_all(names: list[str] | None = None, fresh: bool = False, log: bool = True) -> list[dict[str, Any]]:
    t = tool()
    rows = []
    for pair in select(load_corpus(), names):
        r = run_pair(pair, t, fresh)
        rows.append(r)
        if log:
            s = r.get("summary")
            print(f"{pair.name}: " + (f"exit {s['exit_code']}, {s['files_changed']} files, {s['follow_ups']} "
                                      f"follow-ups, {s['wall_s']}s" if s else "no mirror, skipped"),
                  file=sys.stderr, flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m realworld.run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="*", help="substrings of pair slugs or repos (default: all)")
    ap.add_argument("--fresh", action="store_true", help="rerun even if this tool commit has a cached result")
    ap.add_argument("--markdown", type=Path, help="also write the table here")
    ap.add_argument("--json", type=Path, help="write the per-pair summaries here")
    a = ap.parse_args(argv)
    rows = run_all(a.pairs, a.fresh)
    text = f"Tool: {tool().describe}\n\n" + table(rows) + "\nTotals: " + json.dumps(totals(rows)) + "\n"
    print(text)
    if a.markdown:
        a.markdown.write_text(text)
    if a.json:
        a.json.write_text(json.dumps([{k: v for k, v in r.items() if k not in ("diff", "report")} for r in rows],
                                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
