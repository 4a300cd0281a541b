"""Run a WASI module with a read-only view of its input directory (ITK-Wasm style imports)."""

from wasmtime import (
    Config,
    Engine,
    Linker,
    Module,
    Store,
    WasiConfig,
)

WAT = '(module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32))) (func (export "_start")))'


def run(input_dir: str) -> None:
    engine = Engine(Config())
    linker = Linker(engine)
    linker.define_wasi()
    wasi = WasiConfig()
    wasi.preopen_dir(input_dir, "/input", fs_mutable=False)
    store = Store(engine)
    store.set_wasi(wasi)
    instance = linker.instantiate(store, Module(engine, WAT))
    instance.exports(store)["_start"](store)


if __name__ == "__main__":
    run(".")
    print("ok")
