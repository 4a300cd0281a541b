from importlib_resources import files

import wasmtime


def core(engine: wasmtime.Engine) -> wasmtime.Module:
    return wasmtime.Module.from_file(engine, str(files("bindings") / "root.core0.wasm"))
