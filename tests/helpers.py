"""Shared test helpers: run the CLI, make throwaway git repos, snapshot trees."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "plugin-host"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "wasm_codemod", *args], cwd=cwd, capture_output=True, check=False)


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=cwd,
                          capture_output=True, text=True, check=True).stdout


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts}


def make_repo(dest: Path, files: dict[str, bytes | str] | None = None, source: Path | None = None) -> Path:
    if source is not None:
        shutil.copytree(source, dest, ignore=shutil.ignore_patterns("target"))
    dest.mkdir(parents=True, exist_ok=True)
    for name, content in (files or {}).items():
        p = dest / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode() if isinstance(content, str) else content)
    git("init", "-q", cwd=dest)
    git("add", ".", cwd=dest)
    git("commit", "-qm", "init", cwd=dest)
    return dest
