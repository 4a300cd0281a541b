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


def _lockstep() -> dict[str, tuple[int, ...]]:
    raw = resources.files("wasm_codemod").joinpath("data/wasmtime-lockstep.json").read_text("utf-8")
    return {name: tuple(majors) for name, majors in json.loads(raw)["crates"].items()}


# The oldest wasmtime line the chain upgrades from (every step from here on is written and checked).
OLDEST = 25

# Every crate crates.io publishes in lock-step with wasmtime (same major), read off the sparse
# index by scripts/lockstep_crates.py: a manifest that names any of them is bumped with wasmtime.
LOCKSTEP = {name: majors for name, majors in _lockstep().items() if majors[-1] >= OLDEST}
USER_FACING = ("wasmtime", "wasmtime-wasi", "wasmtime-wasi-http", "wasmtime-wasi-io", "wasmtime-wasi-nn",
               "wasmtime-wasi-config", "wasmtime-wasi-keyvalue", "wasmtime-wasi-tls", "wasmtime-wasi-threads",
               "wasmtime-cli-flags", "wasmtime-wizer", "wiggle", "wasi-common")
WASMTIME_CRATES = USER_FACING + tuple(sorted(set(LOCKSTEP) - set(USER_FACING)))


def _successors() -> dict[str, str]:
    """`wasmtime-X` (last published at 34) continues as `wasmtime-internal-X` (first published at 35)."""
    out = {}
    for name, majors in LOCKSTEP.items():
        if name.startswith("wasmtime-") and not name.startswith("wasmtime-internal-"):
            nxt = "wasmtime-internal-" + name.removeprefix("wasmtime-")
            if nxt in LOCKSTEP and LOCKSTEP[nxt][0] == majors[-1] + 1:
                out[name] = nxt
    return out


def _removed(newest: int) -> dict[str, str]:
    """Crate -> the first line at which it is no longer published (and nothing continues it)."""
    succ = _successors()
    return {name: str(majors[-1] + 1) for name, majors in LOCKSTEP.items()
            if majors[-1] < newest and name not in succ}


# Cranelift crates are released with every wasmtime line N as 0.(N+87), same patch number (checked in
# the published wasmtime(-internal)-cranelift 25-50 manifests: 25.0.3 -> 0.112.3, 36.0.20 -> 0.123.20,
# 50.0.1 -> 0.137.1); only those published for every line 25-50 (cranelift-wasm stopped at 0.112).
CRANELIFT = {name: 87 for name in ("cranelift-bforest", "cranelift-bitset", "cranelift-codegen",
                                   "cranelift-codegen-meta", "cranelift-codegen-shared", "cranelift-control",
                                   "cranelift-entity", "cranelift-frontend", "cranelift-isle", "cranelift-native")}

# Raise this only when every step up to the line exists and the oracle passes at it.
VERIFIED_THROUGH = "50"

WASMTIME = Family(
    name="wasmtime",
    primary="wasmtime",
    crates=WASMTIME_CRATES,
    rust_roots=tuple(c.replace("-", "_") for c in USER_FACING),
    releases={k: v for k, v in _releases("wasmtime").items() if int(k) >= OLDEST},
    removed_crates=_removed(int(VERIFIED_THROUGH)),
    renamed_crates=_successors(),
    published={name: tuple(str(m) for m in majors) for name, majors in LOCKSTEP.items()},
    # the newest line whose whole chain of steps is written and compile-checked
    default_target=VERIFIED_THROUGH,
    # workspace crates that reach wasmtime through another crate's re-exports or generated bindings
    follows_path_deps=True,
    companions=CRANELIFT,
)

# Guests: wit-bindgen (and wit-bindgen-rt, folded into wit-bindgen at 0.45).
GUEST_VERIFIED_THROUGH = "0.63"
# The oldest wit-bindgen line the guest chain upgrades from (release data and steps from here on;
# older guests are skipped with a clear reason).
GUEST_OLDEST = 16

WIT_BINDGEN = Family(
    name="wit-bindgen",
    primary="wit-bindgen",
    crates=("wit-bindgen", "wit-bindgen-rt"),
    rust_roots=("wit_bindgen", "wit_bindgen_rt"),
    releases={k: v for k, v in _releases("wit-bindgen").items() if int(k.split(".")[1]) >= GUEST_OLDEST},
    removed_crates={"wit-bindgen-rt": "0.45"},
    default_target=GUEST_VERIFIED_THROUGH,
    # an SDK's proc-macro crate that emits `wit_bindgen::generate!` for its users (reported/rewritten there)
    follows_proc_macros=True,
)

FAMILIES = {WASMTIME.name: WASMTIME, WIT_BINDGEN.name: WIT_BINDGEN}

# Python hosts: the `wasmtime` package on PyPI (wasmtime-py). Its majors follow wasmtime's, so it
# shares wasmtime's line numbers and `--to`; its data is PyPI's, not crates.io's.
WASMTIME_PY = Family(
    name="wasmtime-py",
    primary="wasmtime",
    crates=("wasmtime",),
    rust_roots=(),
    releases={k: v for k, v in _releases("wasmtime-py").items() if int(k) >= 29},
    default_target=VERIFIED_THROUGH,
    ecosystem="pypi",
)

# Python guests built with componentize-py (its own line; `--py-guest-to`).
PY_GUEST_VERIFIED_THROUGH = "0.25"

COMPONENTIZE_PY = Family(
    name="componentize-py",
    primary="componentize-py",
    crates=("componentize-py",),
    rust_roots=(),
    releases=_releases("componentize-py"),
    default_target=PY_GUEST_VERIFIED_THROUGH,
    ecosystem="pypi",
)

FAMILIES[WASMTIME_PY.name] = WASMTIME_PY
FAMILIES[COMPONENTIZE_PY.name] = COMPONENTIZE_PY
