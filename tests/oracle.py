"""The compile oracle: `cargo check` a crate against the real crates of the version it claims.

All checks share one target dir (``WASM_CODEMOD_ORACLE_TARGET``, default
``~/.cache/wasm-codemod/oracle-target``) so each wasmtime version is built once per machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TARGET_DIR = Path(os.environ.get("WASM_CODEMOD_ORACLE_TARGET",
                                 Path.home() / ".cache" / "wasm-codemod" / "oracle-target"))


@dataclass
class CheckResult:
    ok: bool
    output: str

    def errors(self) -> list[str]:
        return [ln for ln in self.output.splitlines() if "error" in ln]


def have_cargo() -> bool:
    return shutil.which("cargo") is not None


def cargo_check(crate: Path, extra: list[str] | None = None, timeout: int = 3600) -> CheckResult:
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET_DIR), CARGO_TERM_COLOR="never")
    proc = subprocess.run(["cargo", "check", "--quiet", "--message-format", "short", *(extra or [])],
                          cwd=crate, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    return CheckResult(proc.returncode == 0, proc.stdout + proc.stderr)
