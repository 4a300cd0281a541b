import subprocess
import sys

import wasmtime.loader  # noqa: F401  (makes `import plugin` load plugin.wasm)
from wasmtime.bindgen import generate


def regenerate(component: str) -> None:
    subprocess.run([sys.executable, "-m", "wasmtime.bindgen", component, "--out-dir", "bindings"], check=True)


def generate_in_process(component: bytes) -> dict:
    return generate("root", component)
