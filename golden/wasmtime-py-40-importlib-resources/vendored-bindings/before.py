# Shape of `python -m wasmtime.bindgen` output (wasmtime-py <= 38): it loads its core modules
# through importlib_resources, which wasmtime-py 29-39 installed as a dependency.
import importlib_resources
import pathlib

import wasmtime


class Root:
    def __init__(self, store: wasmtime.Store) -> None:
        file = importlib_resources.files() / ("root.core0.wasm")
        if isinstance(file, pathlib.Path):
            self.path = file
