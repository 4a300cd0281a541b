"""Many repositories in one command: parallel, isolated, summarised."""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .discover import SKIP_DIRS
from .session import Exit, RepoOutcome, SessionOptions, run_repo


def read_repo_list(path: Path) -> list[Path]:
    """One path per line; blank lines and `#` comments ignored; relative paths are relative to the file."""
    out = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        p = Path(line)
        out.append(p if p.is_absolute() else (path.parent / p))
    return out


def source_bytes(root: Path) -> int:
    """The size of the Rust and Python sources under ``root`` (the directories discovery skips are
    skipped): how long a repository takes is about proportional to it."""
    total = 0
    todo = [str(root)]
    while todo:
        d = todo.pop()
        try:
            with os.scandir(d) as it:
                for e in it:
                    try:
                        if e.is_dir(follow_symlinks=False):
                            if e.name not in SKIP_DIRS and not e.name.startswith("."):
                                todo.append(e.path)
                        elif e.name.endswith((".rs", ".py")):
                            total += e.stat(follow_symlinks=False).st_size
                    except OSError:
                        continue
        except OSError:
            continue
    return total


def largest_first(roots: list[Path], order: list[int]) -> list[int]:
    """``order`` with the largest repositories first, so that a long one never starts last while
    the other workers sit idle (longest-processing-time-first scheduling)."""
    size = {i: source_bytes(roots[i]) for i in order}
    return sorted(order, key=lambda i: -size[i])


def _worker(root: str, opts: SessionOptions) -> RepoOutcome:
    return run_repo(Path(root), opts, keep_result=False)


def run_bulk(roots: list[Path], opts: SessionOptions, jobs: int,
             on_done: Callable[[RepoOutcome], None] | None = None) -> list[RepoOutcome]:
    """Run every repository; the result has one outcome per entry of ``roots``, in order.

    Outcomes are kept by position, never by path: a repository listed twice runs once (two runs
    of one tree at the same time would race), and the repeat reports the same outcome."""
    first: dict[Path, int] = {}
    unique: list[int] = []
    for i, r in enumerate(roots):
        key = r.resolve()
        if key not in first:
            first[key] = i
            unique.append(i)
    results: dict[int, RepoOutcome] = {}
    if jobs <= 1 or len(unique) == 1:
        for i in unique:
            o = run_repo(roots[i], opts, keep_result=False)
            results[i] = o
            if on_done:
                on_done(o)
    else:
        # imported here: multiprocessing costs a serial run 20-50 ms of imports
        from concurrent.futures import ProcessPoolExecutor, as_completed

        todo = largest_first(roots, unique) if len(unique) > jobs else unique
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futs = {pool.submit(_worker, str(roots[i]), opts): i for i in todo}
            for fut in as_completed(futs):
                i = futs[fut]
                try:
                    o = fut.result()
                except Exception as exc:  # a crashed worker is that repository's failure only
                    o = RepoOutcome(str(roots[i]), "failed", Exit.INTERNAL, [f"worker crashed: {exc!r}"])
                results[i] = o
                if on_done:
                    on_done(o)
    out = []
    for i, r in enumerate(roots):
        j = first[r.resolve()]
        if j == i:
            out.append(results[i])
            continue
        o = copy.copy(results[j])
        o.repo = str(r)
        o.messages = [f"same repository as entry {j + 1} of the list; it ran once, this is its outcome",
                      *o.messages]
        out.append(o)
    return out


def bulk_exit_code(outcomes: list[RepoOutcome], check: bool) -> int:
    if any(o.status in ("failed", "refused", "verify-failed", "rolled-back") or o.exit_code == Exit.INTERNAL
           for o in outcomes):
        return Exit.PARTIAL
    if check and any(o.status == "pending" for o in outcomes):
        return Exit.CHANGES_PENDING
    if any(o.exit_code == Exit.SKIPPED for o in outcomes):
        return Exit.SKIPPED
    return Exit.OK


def progress(total: int):
    """A rich progress bar on stderr when it is a terminal, else a no-op callback."""
    if not sys.stderr.isatty():
        return None, (lambda _o: None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    prog = Progress(TextColumn("repos"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                    console=Console(stderr=True), transient=True)
    task = prog.add_task("", total=total)

    def done(o: RepoOutcome) -> None:
        prog.update(task, advance=1, description=f"{Path(o.repo).name}: {o.status}")

    return prog, done


def crate_progress():
    """Progress over the crates of one run (stderr, terminals only)."""
    if not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    prog = Progress(TextColumn("crates"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                    console=Console(stderr=True), transient=True)
    prog.start()
    task = prog.add_task("", total=None)

    def step(i: int, total: int, name: str) -> None:
        prog.update(task, completed=i, total=total, description=name)

    return prog, step
