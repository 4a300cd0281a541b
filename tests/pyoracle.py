"""The Python oracle: one cached virtualenv per (package, version) with the real wheel from PyPI.

Venvs live in ~/.cache/wasm-codemod/py-oracle/<package>-<version>/; wheels already downloaded to
~/.cache/wasm-codemod/wheels/ are used first (`pip download wasmtime==N --no-deps -d ...`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CACHE = Path.home() / ".cache" / "wasm-codemod"
VENVS = CACHE / "py-oracle"
WHEELS = CACHE / "wheels"


class OracleUnavailable(RuntimeError):
    pass


def venv_for(package: str, version: str) -> Path:
    """A venv with ``package==version`` installed (created once, then reused)."""
    d = VENVS / f"{package}-{version}"
    if (d / ".ready").exists():
        return d
    d.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(d)], check=True, capture_output=True)
    cmd = [str(d / "bin" / "python"), "-m", "pip", "install", "-q", f"{package}=={version}"]
    if WHEELS.is_dir():
        cmd += ["--find-links", str(WHEELS)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise OracleUnavailable(f"pip install {package}=={version} failed:\n{res.stdout}{res.stderr}")
    (d / ".ready").write_text("ok\n")
    return d


@dataclass
class Run:
    ok: bool
    output: str


def run(venv: Path, args: list[str], cwd: Path, pythonpath: list[Path] | None = None, timeout: int = 300) -> Run:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["RUST_BACKTRACE"] = "0"
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
    exe = args[0] if args[0] != "python" else str(venv / "bin" / "python")
    if not os.path.isabs(exe) and (venv / "bin" / exe).exists():
        exe = str(venv / "bin" / exe)
    proc = subprocess.run([exe, *args[1:]], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    return Run(proc.returncode == 0, proc.stdout + proc.stderr)
