"""The crate families the steps upgrade, and their verified release data.

Release data (newest patch and rust-version per line) comes from
``wasm_codemod/data/<crate>-releases.json``, read off crates.io (see docs/versions/).
"""

from __future__ import annotations

import json
from importlib import resources

from wasm_codemod.transform import Family, Release


def _releases(crate: str) -> dict[str, Release]:
    try:
        raw = resources.files("wasm_codemod").joinpath(f"data/{crate}-releases.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(raw)
    return {line: Release(info["latest"], info.get("effective_rust_version") or info.get("rust_version"))
            for line, info in data["lines"].items()}


# Crates published in lock-step with wasmtime (same major). wasi-common and
# wasmtime-wasi-threads stop at 46 (E47.1).
WASMTIME_CRATES = (
    "wasmtime",
    "wasmtime-wasi",
    "wasmtime-wasi-http",
    "wasmtime-wasi-io",
    "wasmtime-wasi-nn",
    "wasmtime-wasi-config",
    "wasmtime-wasi-keyvalue",
    "wasmtime-wasi-tls",
    "wasmtime-wasi-threads",
    "wasmtime-cli-flags",
    "wasmtime-wizer",
    "wiggle",
    "wasi-common",
)

# Raise this only when every step up to the line exists and the oracle passes at it.
VERIFIED_THROUGH = "50"

WASMTIME = Family(
    name="wasmtime",
    primary="wasmtime",
    crates=WASMTIME_CRATES,
    rust_roots=tuple(c.replace("-", "_") for c in WASMTIME_CRATES),
    releases={k: v for k, v in _releases("wasmtime").items() if int(k) >= 29},
    removed_crates={"wasi-common": "47", "wasmtime-wasi-threads": "47"},
    # the newest line whose whole chain of steps is written and compile-checked
    default_target=VERIFIED_THROUGH,
)

# Guests: wit-bindgen (and wit-bindgen-rt, folded into wit-bindgen at 0.45).
GUEST_VERIFIED_THROUGH = "0.63"

WIT_BINDGEN = Family(
    name="wit-bindgen",
    primary="wit-bindgen",
    crates=("wit-bindgen", "wit-bindgen-rt"),
    rust_roots=("wit_bindgen", "wit_bindgen_rt"),
    releases=_releases("wit-bindgen"),
    removed_crates={"wit-bindgen-rt": "0.45"},
    default_target=GUEST_VERIFIED_THROUGH,
)

FAMILIES = {WASMTIME.name: WASMTIME, WIT_BINDGEN.name: WIT_BINDGEN}
