"""A wasmtime-py 29 host: run guest.wat with a read-only view of ./data and read its shared memory.

Run: python host.py [DATA_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from wasmtime import (
    Config,
    DirPerms,
    Engine,
    FilePerms,
    Linker,
    Module,
    SharedMemory,
    Store,
    WasiConfig,
)

HERE = Path(__file__).resolve().parent


def make_engine() -> Engine:
    config = Config()
    # the guest defines a shared memory (threads proposal)
    config.wasm_threads = True
    return Engine(config)


def run(data_dir: Path) -> tuple[int, int]:
    engine = make_engine()
    store = Store(engine)
    wasi = WasiConfig()
    wasi.inherit_stdout()
    # the guest may read the data directory, never change it
    wasi.preopen_dir(str(data_dir), "/data", DirPerms.READ_ONLY, FilePerms.READ_ONLY)
    store.set_wasi(wasi)

    linker = Linker(engine)
    linker.define_wasi()
    instance = linker.instantiate(store, Module.from_file(engine, str(HERE / "guest.wat")))
    result = instance.exports(store)["run"](store)
    if result < 0:
        raise SystemExit(f"guest failed with WASI errno {-result}")
    memory = instance.exports(store)["memory"]
    assert isinstance(memory, SharedMemory)
    # the guest left the byte count at 0 and the errno of its write attempt at 4
    head = bytes(memory.data_ptr()[0:8])
    return int.from_bytes(head[0:4], "little"), int.from_bytes(head[4:8], "little")


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "data"
    count, write_errno = run(data)
    print(f"read {count} bytes; creating a file was {'refused' if write_errno else 'ALLOWED'}")
    if not write_errno:
        raise SystemExit("the read-only preopen let the guest write")


if __name__ == "__main__":
    main()
