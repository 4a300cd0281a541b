"""Build a pair's `before` tree from a bare mirror into a fresh, clean git repository.

Mirrors made from snapshots can lack large blobs, so `git checkout` may fail: the tree is
written from `git ls-tree -r` + `git cat-file --batch`, missing blobs are skipped (and listed),
and the result is committed into a new repository under the cache, reused on later runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .corpus import Pair, cache_root

MARK = "wasm-codemod-tree.json"
GIT_ID = ["-c", "user.email=realworld@wasm-codemod", "-c", "user.name=realworld", "-c", "commit.gpgsign=false"]


def git(*args: str, cwd: Path | None = None, gitdir: Path | None = None, data: bytes | None = None) -> bytes:
    pre = ["git", *GIT_ID] + ([f"--git-dir={gitdir}"] if gitdir else [])
    return subprocess.run([*pre, *args], cwd=cwd, input=data, capture_output=True, check=True).stdout


def ls_tree(gitdir: Path, commit: str) -> list[tuple[str, str, str, str]]:
    """(mode, type, sha, path) of every entry, recursively; submodules come as type `commit`."""
    out = git("ls-tree", "-r", "-z", commit, gitdir=gitdir)
    rows = []
    for rec in out.split(b"\0"):
        if not rec:
            continue
        meta, path = rec.split(b"\t", 1)
        mode, typ, sha = meta.decode().split()
        rows.append((mode, typ, sha, path.decode("utf-8", "surrogateescape")))
    return rows


def cat_blobs(gitdir: Path, shas: list[str]) -> dict[str, bytes | None]:
    """Contents by sha via one `git cat-file --batch`; None for a missing object."""
    if not shas:
        return {}
    proc = subprocess.Popen(["git", f"--git-dir={gitdir}", "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    uniq = list(dict.fromkeys(shas))
    request = "".join(f"{s}\n" for s in uniq).encode()

    def feed() -> None:  # in a thread: git stops reading once its output pipe is full
        assert proc.stdin is not None
        proc.stdin.write(request)
        proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    got: dict[str, bytes | None] = {}
    for sha in uniq:
        header = proc.stdout.readline().decode().split()
        if len(header) < 3 or header[1] == "missing":
            got[sha] = None
            continue
        size = int(header[2])
        got[sha] = proc.stdout.read(size)
        proc.stdout.read(1)  # the newline after each object
    writer.join()
    proc.wait()
    return got


def tree_dir(pair: Pair, commit: str | None = None) -> Path:
    commit = commit or pair.before
    return cache_root() / "trees" / f"{pair.slug}-{commit[:12]}"


def build_tree(pair: Pair, mirror: Path, commit: str | None = None) -> tuple[Path, dict[str, object]]:
    """The cached clean repository holding `commit` (default: the pair's before) and its metadata."""
    commit = commit or pair.before
    dest = tree_dir(pair, commit)
    mark = dest / ".git" / MARK
    if mark.is_file():
        return dest, json.loads(mark.read_text())
    tmp = dest.with_name(dest.name + f".part{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    entries = ls_tree(mirror, commit)
    blobs = cat_blobs(mirror, [sha for _, typ, sha, _ in entries if typ == "blob"])
    missing, submodules = [], []
    for mode, typ, sha, path in entries:
        if typ != "blob":
            submodules.append(path)
            continue
        data = blobs.get(sha)
        if data is None:
            missing.append(path)
            continue
        target = tmp / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            os.symlink(os.fsdecode(data), target)
        else:
            target.write_bytes(data)
            if mode == "100755":
                target.chmod(0o755)
    git("init", "-q", "-b", "before", cwd=tmp)
    # -f: a tracked file can match the project's own .gitignore (a Cargo.lock, say)
    git("add", "-A", "-f", cwd=tmp)
    git("commit", "-q", "--no-verify", "-m", f"{pair.repo} {commit}", cwd=tmp)
    meta: dict[str, object] = {"repo": pair.repo, "commit": commit, "missing_blobs": missing,
                               "submodules": submodules, "files": len(entries) - len(submodules)}
    (tmp / ".git" / MARK).write_text(json.dumps(meta, indent=1))
    if dest.exists():  # another process finished first
        shutil.rmtree(tmp, ignore_errors=True)
        return dest, json.loads(mark.read_text())
    tmp.rename(dest)
    return dest, meta


@contextmanager
def work_copy(tree: Path, into: Path) -> Iterator[Path]:
    """A throwaway clone of the cached tree, so runs never touch the cache or each other."""
    shutil.rmtree(into, ignore_errors=True)
    into.parent.mkdir(parents=True, exist_ok=True)
    git("clone", "-q", str(tree), str(into))
    try:
        yield into
    finally:
        shutil.rmtree(into, ignore_errors=True)
