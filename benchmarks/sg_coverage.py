"""Do the ast-grep peer's rules (benchmarks/sg-steps/) find what the steps find? Per step: the .rs
files the tool edits or reports for it, the files its rule (and its move rule) hits, and the
tool's files the rule misses.

    python3 benchmarks/sg_coverage.py [TREE]   # TREE: a corpus dir of repos, default the x1 corpus

Runs `upgrade REPOS --to 50 --dry-run --format json` and
`ast-grep scan -c benchmarks/sg-steps/sgconfig.yml --json=stream TREE`; prints a Markdown table.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from realhosts import repos, tool  # noqa: E402

DEFAULT = Path("/tmp/wasm-codemod-bench/x1")


def tool_files(tree: Path) -> dict[str, set[str]]:
    out = subprocess.run(tool("upgrade", *repos(tree), "--to", "50", "--dry-run", "--format", "json"),
                         cwd=tree, capture_output=True, text=True, check=False).stdout
    per_step: dict[str, set[str]] = collections.defaultdict(set)
    for r in json.loads(out)["repos"]:
        rep = r["report"]
        for c in rep["changes"]:
            for s in c["steps"]:
                per_step[s].add(c["file"])
        for f in rep["follow_ups"]:
            per_step[f["step"]].add(f["file"])
    # report paths are relative to the working directory: make them relative to the tree
    return {s: {os.path.relpath(os.path.normpath(tree / f), tree) for f in fs if f.endswith(".rs")}
            for s, fs in per_step.items()}


def rule_files(tree: Path) -> dict[str, set[str]]:
    sg = shutil.which("ast-grep") or "ast-grep"
    out = subprocess.run([sg, "scan", "-c", str(HERE / "sg-steps" / "sgconfig.yml"), "--json=stream", "."],
                         cwd=tree, capture_output=True, text=True, check=True).stdout
    per_step: dict[str, set[str]] = collections.defaultdict(set)
    for line in out.splitlines():
        hit = json.loads(line)
        per_step[hit["ruleId"].removesuffix("-moves")].add(os.path.normpath(hit["file"]))
    return per_step


def main() -> int:
    tree = Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT).resolve()
    by_tool, by_rule = tool_files(tree), rule_files(tree)
    print("| step | files the tool touches | files the rule hits | tool's files the rule misses |")
    print("|---|---|---|---|")
    missed_total = 0
    for step in sorted(s for s, fs in by_tool.items() if fs):
        t, g = by_tool[step], by_rule.get(step, set())
        missed = sorted(t - g)
        missed_total += len(missed)
        print(f"| {step} | {len(t)} | {len(g)} | {len(missed)}{': ' + ', '.join(missed[:3]) if missed else ''} |")
    all_tool = set().union(*by_tool.values()) if by_tool else set()
    all_rule = set().union(*by_rule.values()) if by_rule else set()
    print(f"\n{len(all_tool)} files touched by the tool, {len(all_rule)} hit by the rules, "
          f"{len(all_tool - all_rule)} of the tool's not hit; {missed_total} (step, file) pairs missed")
    return 1 if missed_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
