"""wasm-codemod next to ast-grep, rg and the parse floor on six real wasmtime hosts (issue 12).

    WASM_CODEMOD_MIRRORS=/work/.mirror python3 benchmarks/realhosts.py [--runs 5] [--scale 1,2,4,8]
        [--only dry-run,check,floor,scale,jobs] [--peer sg,sg-steps] [--work DIR]

The corpus is built from bare git mirrors (realworld/README.md) at the pre-upgrade commits of
six pairs of realworld/realworld-dev.tsv (PAIRS below; ~1,130 .rs files, ~10 MB); nothing of it
is committed. xN is N copies side by side. The no-op tree is the corpus after the tool's own
`upgrade --to 50` (so `--check` finds nothing to do). ast-grep is the peer, with two rule sets
(`--peer`, default both, one row each): benchmarks/sg/ (20 pattern rules for the main shapes, the
set issue 12's goal was first measured against) and benchmarks/sg-steps/ (one rule per wasmtime
step on the 29 -> 50 chain that searches Rust code, plus the path-move rules written by
benchmarks/sg_moves.py: the scope of the plan the tool runs on this corpus). Needs `ast-grep` and
`rg` on PATH (`pip install ast-grep-cli`).

Runs are paired and interleaved (A B A B ...); each figure is a whole process (wall, user+sys
CPU, peak RSS from wait4). The machine is shared: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

# (slug of the pair in realworld-dev.tsv): the before commits are read from the corpus file
PAIRS = ("spin-29-32", "wasmcloud-31-38", "viceroy-35-36", "wasmtime-rb-29-30", "obelisk-32-33", "edgee-29-30")
# ast-grep rule sets: --peer NAME runs benchmarks/NAME/sgconfig.yml
PEERS = ("sg", "sg-steps")


def sg_rules(peer: str) -> int:
    return sum(1 for _ in (HERE / peer / "rules").rglob("*.yml"))


def build_corpus(work: Path) -> Path:
    from realworld.corpus import find_mirror, load_corpus

    x1 = work / "x1"
    if (x1 / ".done").is_file():
        return x1
    shutil.rmtree(x1, ignore_errors=True)
    x1.mkdir(parents=True)
    pairs = {p.slug: p for p in load_corpus()}
    for slug in PAIRS:
        pair = pairs[slug]
        mirror = find_mirror(pair.repo)
        if mirror is None:
            raise SystemExit(f"no mirror of {pair.repo}: set WASM_CODEMOD_MIRRORS (see realworld/README.md)")
        dest = x1 / slug
        dest.mkdir()
        # snapshot mirrors may lack blobs: the realworld tree builder skips (and lists) those
        from realworld.trees import build_tree

        tree, _meta = build_tree(pair, mirror)
        arch = subprocess.run(["git", "-C", str(tree), "archive", "HEAD"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=arch, check=True)
    (x1 / ".done").write_text("")
    return x1


def scaled(work: Path, x1: Path, n: int) -> Path:
    if n == 1:
        return x1
    d = work / f"x{n}"
    if not (d / ".done").is_file():
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
        for i in range(n):
            shutil.copytree(x1, d / f"c{i}", symlinks=True, ignore=shutil.ignore_patterns(".done"))
        (d / ".done").write_text("")
    return d


def repos(tree: Path) -> list[str]:
    """The repository roots in a corpus directory (x1: six; xN: six per copy)."""
    out = []
    for p in sorted(tree.iterdir()):
        if not p.is_dir():
            continue
        if (p / "Cargo.toml").is_file():
            out.append(str(p))
        else:
            out.extend(str(q) for q in sorted(p.iterdir()) if (q / "Cargo.toml").is_file())
    return out


def noop_tree(work: Path, x1: Path) -> Path:
    d = work / "noop"
    if not (d / ".done").is_file():
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(x1, d, symlinks=True)
        subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", *repos(d), "--to", "50"], cwd=d,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        (d / ".done").write_text("")
    return d


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """(wall s, user+sys s, peak RSS MiB) of one whole process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = 0  # reaped by wait4
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def paired(a: list[str], b: list[str], cwd: Path, runs: int) -> dict[str, float]:
    """A and B in turn (one warm-up each); medians of both and of the per-pair ratios A/B."""
    run_once(a, cwd)
    run_once(b, cwd)
    ra, rb = [], []
    for _ in range(runs):
        ra.append(run_once(a, cwd))
        rb.append(run_once(b, cwd))
    med = statistics.median
    return {
        "a_wall": med(r[0] for r in ra), "a_cpu": med(r[1] for r in ra), "a_rss": max(r[2] for r in ra),
        "b_wall": med(r[0] for r in rb), "b_cpu": med(r[1] for r in rb), "b_rss": max(r[2] for r in rb),
        "wall": med(x[0] / y[0] for x, y in zip(ra, rb, strict=True)),
        "cpu": med(x[1] / y[1] for x, y in zip(ra, rb, strict=True)),
    }


def tool(*args: str) -> list[str]:
    return [sys.executable, "-m", "wasm_codemod", *args]


def row(name: str, r: dict[str, float]) -> str:
    return (f"| {name} | {r['a_wall']:.2f} / {r['b_wall']:.2f} | {r['a_cpu']:.2f} / {r['b_cpu']:.2f} | "
            f"**{r['wall']:.2f}x** | **{r['cpu']:.2f}x** | {r['a_rss']:.0f} / {r['b_rss']:.0f} |")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", default="1,2,4,8")
    ap.add_argument("--only", default="dry-run,check,floor,scale,jobs")
    ap.add_argument("--peer", default=",".join(PEERS), help="ast-grep rule sets (benchmarks/NAME/), comma-separated")
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "wasm-codemod-bench"))
    args = ap.parse_args()
    only = set(args.only.split(","))
    peers = [p for p in args.peer.split(",") if p]
    unknown = [p for p in peers if p not in PEERS]
    if unknown or not peers:
        ap.error(f"--peer: choose from {', '.join(PEERS)}")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    x1 = build_corpus(work)
    # byte-compile the tool as an install does: with PYTHONDONTWRITEBYTECODE set (as on the project
    # machine) every run would otherwise compile its ~190 modules again (0.2-0.3 s a run)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src"), str(REPO / "transforms")],
                   stdout=subprocess.DEVNULL, check=False)
    # pip puts ast-grep beside the interpreter; a version manager's shim on PATH (pyenv's is a shell
    # script) would add its own start-up to every peer run
    beside = Path(sys.executable).parent / "ast-grep"
    sg = str(beside) if beside.is_file() else shutil.which("ast-grep") or "ast-grep"
    sg_cmds = {p: [sg, "scan", "-c", str(HERE / p / "sgconfig.yml"), "."] for p in peers}
    sg_names = {p: f"ast-grep {p}/ ({sg_rules(p)} rules)" for p in peers}
    files = sum(1 for _ in x1.rglob("*.rs"))
    print(f"corpus: {files} .rs files ({', '.join(PAIRS)}); {args.runs} paired runs; "
          f"{time.strftime('%Y-%m-%d', time.gmtime())}; {os.cpu_count()} cores\n")
    print("| A vs B | wall s A / B | CPU s A / B | wall A/B | CPU A/B | peak MiB A / B |")
    print("|---|---|---|---|---|---|")
    dry = tool("upgrade", *repos(x1), "--to", "50", "--dry-run")
    if "dry-run" in only:
        for p in peers:
            print(row(f"`upgrade --to 50 --dry-run` vs {sg_names[p]}", paired(dry, sg_cmds[p], x1, args.runs)),
                  flush=True)
        if len(peers) > 1:
            print(row(f"{sg_names[peers[-1]]} vs {sg_names[peers[0]]}",
                      paired(sg_cmds[peers[-1]], sg_cmds[peers[0]], x1, args.runs)), flush=True)
        if shutil.which("rg"):
            for p in peers:
                print(row(f"{sg_names[p]} vs `rg -l wasmtime`",
                          paired(sg_cmds[p], ["rg", "-l", "wasmtime", "."], x1, args.runs)), flush=True)
    if "check" in only:
        noop = noop_tree(work, x1)
        check = tool("upgrade", *repos(noop), "--to", "50", "--check")
        for p in peers:
            print(row(f"no-op `upgrade --to 50 --check` vs {sg_names[p]}", paired(check, sg_cmds[p], noop, args.runs)),
                  flush=True)
    if "floor" in only:
        listing = work / "parsed.txt"
        subprocess.run([sys.executable, str(HERE / "parse_floor.py"), "--record", str(listing), "--",
                        *dry[3:], "--jobs", "1"],  # in this process: worker processes record nothing
                       cwd=x1, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        n = len(listing.read_text().splitlines())
        floor = [sys.executable, str(HERE / "parse_floor.py"), "--list", str(listing)]
        print(row(f"`--dry-run` vs the parse floor of the {n} files it parses", paired(dry, floor, x1, args.runs)),
              flush=True)
        print(row(f"`--dry-run` vs the parse floor of all {files} files",
                  paired(dry, [sys.executable, str(HERE / "parse_floor.py"), "."], x1, args.runs)), flush=True)
    if "scale" in only or "jobs" in only:
        ns = [int(x) for x in args.scale.split(",")]
        trees = {n: scaled(work, x1, n) for n in ns if n > 1}
        if "scale" in only:
            for n, t in trees.items():
                r = paired(tool("upgrade", *repos(t), "--to", "50", "--dry-run"), dry, x1, max(1, args.runs // 2))
                print(row(f"x{n} vs x1 `--dry-run`", r), flush=True)
        if "jobs" in only and 4 in trees:
            t = trees[4]
            r = paired(tool("upgrade", *repos(t), "--to", "50", "--dry-run", "--jobs", "2"),
                       tool("upgrade", *repos(t), "--to", "50", "--dry-run", "--jobs", "1"), t,
                       max(1, args.runs // 2))
            print(row("x4 `--jobs 2` vs `--jobs 1`", r), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
