import wasmtime

from plugins import loader  # the project's own plugin loader, not wasmtime.loader


def load(path: str) -> wasmtime.Module:
    return wasmtime.Module.from_file(wasmtime.Engine(), loader.resolve(path))
