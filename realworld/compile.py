"""Compile check of the small pairs: the maintainers' `after`, then the tool's output plus only
the fixes for the follow-ups it reported, each `cargo check`ed (niced).

    python3 -m realworld.compile [PAIR...]

The fixes are taken at run time from the mirror (never committed): for each follow-up the tool
reported, the maintainers' changes within 3 lines of it (with the other blocks of their hunk in the
same top-level item), and their whole change under the paths the follow-up names, are applied over
the tool's tree (they replace the tool's edits they overlap); see realworld/README.md. Both builds
resolve with the maintainers' Cargo.lock. Target dirs are shared per repository
under ~/.cache/wasm-codemod/realworld/target/.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .compare import REPORT_RADIUS
from .corpus import Pair, cache_root, find_mirror, load_corpus, select
from .diffs import Block, FileDiff, apply_blocks, new_to_old, parse_diff
from .labels import file_texts, lines_of, maintainers_diff
from .run import run_pair, tool
from .trees import build_tree, git, work_copy
from .uses import _parser

TIMEOUT_S = 3600


@dataclass(frozen=True)
class Build:
    manifest: str  # the crate or workspace to check, relative to the tree root
    args: tuple[str, ...] = ()


# The small pairs this machine can build (crates.io reachable; no protoc, Ruby, Erlang,
# PostgreSQL or wasm targets installed).
SMALL: dict[str, Build] = {
    "component-docs": Build("component-model/examples/example-host/Cargo.toml"),
    "function-runner-31-39": Build("Cargo.toml"),
    "wizer-29-31": Build("Cargo.toml"),
    "wizer-31-36": Build("Cargo.toml"),
    "extism-27-31-37": Build("runtime/Cargo.toml"),
    "wassel-34-41": Build("Cargo.toml"),
    # ~400 crates like function-runner: 6.5 min cold here, under a minute warm
    "viceroy-36-39": Build("Cargo.toml"),
}

# Pairs not built here, and what they need that this machine lacks (read from their manifests
# and build scripts, not attempted; the rest of the corpus is whole workspaces of 40-90 crates).
CANNOT: dict[str, str] = {
    "wassette": "a build script runs tonic-build, which needs protoc (not installed)",
    "wasmtime-rb": "a Ruby extension: rb-sys needs a Ruby installation",
    "wasmex": "an Erlang NIF: rustler needs an Erlang installation",
    "supabase": "pgrx needs a PostgreSQL installation",
    "javy": "the CLI's build script builds its plugin for wasm32-wasip1 (target not installed)",
    "componentize-py": "the build script builds CPython for wasm32-wasip2 (wasi-sdk not installed)",
    "runwasi": "containerd shims need protoc for their ttrpc/protobuf code",
}


@dataclass
class Check:
    ok: bool
    errors: list[str] = field(default_factory=list)
    status: str = ""  # ok | failed | timeout

    def summary(self) -> str:
        return "ok" if self.ok else f"{self.status}: {len(self.errors)} error(s)"


def target_dir(pair: Pair) -> Path:
    return cache_root() / "target" / pair.repo.replace("/", "+")


def cargo_check(root: Path, build: Build, pair: Pair) -> Check:
    # RUSTUP_TOOLCHAIN: a project's rust-toolchain file may pin a toolchain this machine lacks
    env = dict(os.environ, CARGO_TARGET_DIR=str(target_dir(pair)), CARGO_TERM_COLOR="never",
               RUSTUP_TOOLCHAIN=os.environ.get("RUSTUP_TOOLCHAIN", "stable"))
    cmd = ["nice", "-n", "10", "cargo", "check", "--manifest-path", str(root / build.manifest),
           "--message-format", "short", *build.args]
    if "--ignore-rust-version" not in build.args:
        cmd.append("--ignore-rust-version")  # rustc here may be older than a crate's floor claims
    try:
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired:
        return Check(False, ["timeout"], "timeout")
    errors = [ln for ln in proc.stderr.splitlines() if re.search(r"\berror(\[E\d+\])?:", ln)]
    if proc.returncode != 0 and not errors:
        errors = proc.stderr.strip().splitlines()[-5:]
    return Check(proc.returncode == 0, errors, "ok" if proc.returncode == 0 else "failed")


def fixes_for(pair: Pair, mirror: Path, run: dict[str, Any]
              ) -> tuple[dict[str, list[str] | None], list[str], dict[str, int]]:
    """Files of the tool's tree with the maintainers' hunks applied at each reported site (None: the
    maintainers deleted the file), the ids of those hunks, and per path a follow-up named, how many
    of the maintainers' files under it were taken whole."""
    m_files = parse_diff(maintainers_diff(mirror, pair))
    t_files = parse_diff(run.get("diff", ""))
    sites: dict[str, set[int]] = {}
    pointed: set[str] = set()
    for f in (run.get("report") or {}).get("follow_ups", []):
        tb = t_files[f["file"]].blocks if f["file"] in t_files else []
        sites.setdefault(f["file"], set()).add(new_to_old(tb, int(f["line"]) - 1))
        # files or directories the follow-up names as part of its fix (a WIT tree to re-vendor)
        pointed |= {p.rstrip("/") for p in f.get("paths") or ()}
    whole = sorted(p for p in m_files if any(p == d or p.startswith(d + "/") for d in pointed))
    paths = sorted(p for p in sites if p in m_files and p not in whole)
    befores = file_texts(mirror, pair.before, paths)
    out: dict[str, list[str] | None] = {}
    applied: list[str] = []
    taken: dict[str, int] = {}
    for path in paths:
        tool_blocks = t_files[path].blocks if path in t_files else []
        items = top_level_items(befores[path]) if path.endswith(".rs") else []
        lines, ids = merge_fixes(lines_of(befores[path]), m_files[path], tool_blocks, sites[path], items)
        if ids:
            out[path] = lines
            applied += ids
    # a pointed-to file takes the maintainers' whole change: their `after` of it, or its deletion
    afters = file_texts(mirror, pair.after, whole)
    for path in whole:
        out[path] = None if afters[path] is None else lines_of(afters[path])
        for d in pointed:
            if path == d or path.startswith(d + "/"):
                taken[d] = taken.get(d, 0) + 1
    return out, applied, taken


def top_level_items(text: str | None) -> list[tuple[int, int]]:
    """Old-file line spans [start, end] (0-based, inclusive) of a Rust file's top-level items."""
    if not text:
        return []
    root = _parser().parse(text.encode("utf-8", "surrogateescape")).root_node
    return [(c.start_point[0], c.end_point[0]) for c in root.named_children]


def merge_fixes(before: list[str], m_file: FileDiff, tool_blocks: list[Block], sites: set[int],
                items: list[tuple[int, int]] | None = None) -> tuple[list[str], list[str]]:
    """`before` with the tool's blocks and, at each reported site (old 0-based lines), the
    maintainers' change blocks within 3 lines, plus the other blocks of the same hunk inside the
    top-level item (`items`: fn, impl, macro call) that holds such a block; those replace the tool
    blocks they overlap."""
    chosen: list[Block] = []
    ids: list[str] = []
    for h in m_file.hunks:
        # block by block: a hunk can join changes 6 lines apart, and only the reported one is a fix
        near = [b for b in h.blocks
                if any(b.old_start - REPORT_RADIUS <= ln <= max(b.old_end - 1, b.old_start) + REPORT_RADIUS
                       for ln in sites)]
        if not near:
            continue
        # ...but one change often spans blocks (an option moved within one `bindgen!` call): the
        # hunk's blocks in the item that holds a chosen block are the same fix
        spans = [it for it in items or () if any(_overlaps(b, it) for b in near)]
        chosen += [b for b in h.blocks if b in near or any(_overlaps(b, it) for it in spans)]
        ids.append(h.id)
    keep = [b for b in tool_blocks if not any(b.old_start <= c.old_end and c.old_start <= b.old_end for c in chosen)]
    return apply_blocks(before, chosen + keep), ids


def _overlaps(b: Block, item: tuple[int, int]) -> bool:
    return b.old_start <= item[1] and item[0] <= max(b.old_end - 1, b.old_start)


def check_pair(pair: Pair) -> dict[str, Any]:
    build = SMALL[pair.slug]
    mirror = find_mirror(pair.repo)
    if mirror is None:
        return {"pair": pair.slug, "status": "no-mirror"}
    after_tree, _ = build_tree(pair, mirror, pair.after)
    work = cache_root() / "work" / f"compile-{pair.slug}-{os.getpid()}"
    with work_copy(after_tree, work) as root:
        after = cargo_check(root, build, pair)
    run = run_pair(pair, tool())
    summary = run.get("summary", {})
    if summary and not summary.get("files_changed"):
        # nothing to check: the tool left the tree as it was (every crate skipped, or no change)
        res = {"pair": pair.slug, "name": pair.name, "after": after.__dict__, "tool": None,
               "fixes_applied": [], "paths_taken": {}, "tool_exit": summary.get("exit_code"),
               "not_upgraded": [f"{s.get('manifest')}: {s.get('reason')}" for s in summary.get("skipped", [])
                                if isinstance(s, dict)]}
        return _save(res)
    before_tree, _ = build_tree(pair, mirror)
    with work_copy(before_tree, work) as root:
        if run.get("diff"):
            git("apply", "--whitespace=nowarn", "-", cwd=root, data=run["diff"].encode("utf-8", "surrogateescape"))
        fixed, applied, taken = fixes_for(pair, mirror, run)
        for path, lines in fixed.items():
            if lines is None:
                _remove(root, path)
                continue
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")
        use_locks(pair, mirror, root)
        tool_check = cargo_check(root, build, pair)
    res = {"pair": pair.slug, "name": pair.name, "after": after.__dict__, "tool": tool_check.__dict__,
           "fixes_applied": applied, "paths_taken": taken, "tool_exit": summary.get("exit_code")}
    return _save(res)


def _remove(root: Path, path: str) -> None:
    """Delete a file and the directories it leaves empty (git has none; wit-parser reads an empty
    `deps/x/` as a package without a header)."""
    (root / path).unlink(missing_ok=True)
    d = (root / path).parent
    while d != root and d.is_dir() and not any(d.iterdir()):
        d.rmdir()
        d = d.parent


def use_locks(pair: Pair, mirror: Path, root: Path) -> None:
    """Resolve as the maintainers' `after` did: their Cargo.lock files replace the `before` ones.

    A lock only pins versions; the manifests (the tool's) still decide, and cargo re-resolves what
    they do not allow. Without it, cargo resolves the crates the upgrade adds at today's newest
    releases, which can differ from the maintainers' (function-runner relied on serde's `derive`
    feature through postcard 1.1 and url 2.5.7; their later releases no longer enable it)."""
    locks = [ln for ln in git("ls-tree", "-r", "--name-only", pair.after, gitdir=mirror).decode(
        "utf-8", "surrogateescape").splitlines() if ln == "Cargo.lock" or ln.endswith("/Cargo.lock")]
    for path, text in file_texts(mirror, pair.after, locks).items():
        if text is not None:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8", errors="surrogateescape")


def _save(res: dict[str, Any]) -> dict[str, Any]:
    out = cache_root() / "compile" / f"{res['pair']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1))
    return res


def fixes_summary(r: dict[str, Any]) -> str:
    """`2 reported hunk(s)`, plus `+ wit/ (46 files)` for each path a follow-up named."""
    taken = r.get("paths_taken") or {}
    out = f"{len(r['fixes_applied'])} reported hunk(s)"
    return out + "".join(f" + {d}/ ({n} file(s))" for d, n in sorted(taken.items()))


def cannot(pair: Pair) -> str | None:
    return next((why for key, why in CANNOT.items() if key in pair.slug), None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m realworld.compile", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="*")
    a = ap.parse_args(argv)
    if shutil.which("cargo") is None:
        print("cargo is required", file=sys.stderr)
        return 2
    for pair in select(load_corpus(), a.pairs):
        if pair.slug not in SMALL:
            why = cannot(pair)
            if why and a.pairs:
                print(f"{pair.name}: can't build here: {why}")
            continue
        r = check_pair(pair)
        if r.get("status") == "no-mirror":
            print(f"{pair.name}: no mirror, skipped")
            continue
        if r["tool"] is None:
            print(f"{pair.name}: maintainers' after: {Check(**r['after']).summary()}; the tool changed nothing "
                  f"(exit {r['tool_exit']}): {'; '.join(r['not_upgraded'])[:300]}")
            continue
        print(f"{pair.name}: maintainers' after: {Check(**r['after']).summary()}; tool + fixes at "
              f"{fixes_summary(r)}: {Check(**r['tool']).summary()}")
        for e in r["tool"]["errors"][:15]:
            print(f"    {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
