"""`--verify`: `cargo check` each changed crate after writing, and tie errors to files and steps."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import linediff
from .engine import FileChange

_DIAG = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning)(?P<code>\[\w+\])?: "
                   r"(?P<msg>.*)$")


@dataclass
class Diagnostic:
    file: str
    line: int
    message: str
    steps: list[str] = field(default_factory=list)


@dataclass
class VerifyResult:
    crate: Path
    ok: bool
    diagnostics: list[Diagnostic]
    output: str


def verify_target_dir() -> Path:
    """Builds go to a cache dir, never into the user's tree (so a rollback leaves it byte-identical)."""
    return Path(os.environ.get("WASM_CODEMOD_VERIFY_TARGET", Path.home() / ".cache" / "wasm-codemod" / "verify-target"))


def cargo_check(crate: Path, timeout: int = 3600) -> tuple[bool, str]:
    env = dict(os.environ, CARGO_TARGET_DIR=str(verify_target_dir()), CARGO_TERM_COLOR="never")
    try:
        proc = subprocess.run(["cargo", "check", "--quiet", "--message-format", "short"], cwd=crate, env=env,
                              capture_output=True, text=True, timeout=timeout, check=False)
    except FileNotFoundError:
        return False, "cargo not found on PATH"
    except subprocess.TimeoutExpired:
        return False, f"cargo check timed out after {timeout}s"
    return proc.returncode == 0, proc.stdout + proc.stderr


def attribute(crate: Path, output: str, changes: list[FileChange],
              sites: dict[Path, list[tuple[int, str]]] | None = None) -> list[Diagnostic]:
    """Errors with file:line, and the steps whose edits touched that line, or that reported a
    follow-up for it (a site a step left for a person)."""
    by_path = {c.path.resolve(): c for c in changes}
    out: list[Diagnostic] = []
    for ln in output.splitlines():
        m = _DIAG.match(ln.strip())
        if not m or m.group("level") != "error":
            continue
        path = (crate / m.group("file")).resolve()
        line = int(m.group("line"))
        steps: list[str] = []
        ch = by_path.get(path)
        if ch is not None:
            steps = list(ch.steps)
            ops = linediff.opcodes(linediff.split_lines(ch.old), linediff.split_lines(ch.new))
            for _tag, _i1, _i2, j1, j2 in linediff.changed(ops):
                if j1 + 1 <= line <= max(j2, j1 + 1):
                    steps = list(ch.steps)
                    break
        for fl, step in (sites or {}).get(path, []):
            if abs(fl - line) <= 3 and step not in steps:
                steps.append(step)
        out.append(Diagnostic(str(path), line, m.group("msg"), steps))
    return out


def verify_crates(crate_dirs: list[Path], changes: list[FileChange],
                  sites: dict[Path, list[tuple[int, str]]] | None = None) -> list[VerifyResult]:
    results = []
    for d in crate_dirs:
        ok, output = cargo_check(d)
        results.append(VerifyResult(d, ok, [] if ok else attribute(d, output, changes, sites), output))
    return results
