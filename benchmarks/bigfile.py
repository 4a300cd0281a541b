"""Time one upgrade of a crate whose src/ holds one big generated .rs file.

    python3 benchmarks/bigfile.py [SIZE_MB ...]      (default: 0.25 0.5 1 5 50)

Each size gets a fresh copy of examples/plugin-host with src/big.rs of about that size (blocks in
the example's style: wasmtime_wasi imports, a WasiView impl, add_to_linker_sync calls, wrapped in
numbered modules), then runs `upgrade --to 36` in --dry-run and write mode and prints seconds, peak
RSS of the child and the exit code.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "plugin-host"

BLOCK = """\
mod m{i} {{
    use wasmtime::component::Linker;
    use wasmtime::{{Engine, Store}};
    use wasmtime_wasi::{{ResourceTable, WasiCtx, WasiCtxBuilder, WasiView}};

    pub struct State{i} {{
        ctx: WasiCtx,
        table: ResourceTable,
    }}

    impl WasiView for State{i} {{
        fn ctx(&mut self) -> &mut WasiCtx {{
            &mut self.ctx
        }}
        fn table(&mut self) -> &mut ResourceTable {{
            &mut self.table
        }}
    }}

    pub fn run{i}(engine: &Engine) -> anyhow::Result<()> {{
        let mut linker: Linker<State{i}> = Linker::new(engine);
        wasmtime_wasi::add_to_linker_sync(&mut linker)?;
        let state = State{i} {{ ctx: WasiCtxBuilder::new().inherit_stdio().build(), table: ResourceTable::new() }};
        let _store = Store::new(engine, state);
        Ok(())
    }}
}}

"""


def generate(size: int) -> bytes:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        b = BLOCK.format(i=i)
        parts.append(b)
        total += len(b)
        i += 1
    return "".join(parts).encode()


def run(args: list[str], cwd: Path) -> tuple[float, int, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "wasm_codemod", *args], cwd=cwd, capture_output=True, check=False)
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode(errors="replace")[-600:])
    return dt, max(rss, before) // 1024, proc.returncode


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [0.25, 0.5, 1, 5, 50]
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            crate = Path(tmp) / "host"
            shutil.copytree(EXAMPLE, crate, ignore=shutil.ignore_patterns("target"))
            (crate / "src" / "big.rs").write_bytes(generate(int(mb * 1024 * 1024)))
            dry = run(["upgrade", ".", "--to", "36", "--dry-run", "--diff-file", str(Path(tmp) / "d.diff")], crate)
            wr = run(["upgrade", ".", "--to", "36", "--allow-dirty"], crate)
            print(f"{mb:>6} MB  dry-run {dry[0]:7.1f} s (exit {dry[2]})  write {wr[0]:7.1f} s (exit {wr[2]})  "
                  f"peak RSS so far {wr[1]} MiB", flush=True)


if __name__ == "__main__":
    main()
