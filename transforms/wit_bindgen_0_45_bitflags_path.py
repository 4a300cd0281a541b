"""B8: `wit_bindgen::bitflags` and the pre-0.20 compat items of `wit_bindgen::rt` were removed at 0.45."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step

_GONE = "removed in wit-bindgen 0.45 (pre-0.20 compatibility item); use the generated bindings' own types"

STEP = Step(
    id="wit-bindgen-0.45-bitflags-path",
    family="wit-bindgen",
    from_version="0.44",
    to_version="0.45",
    safety=Safety.REVIEW,
    title="Use wit_bindgen::rt::bitflags and std paths",
    summary="Rewrite `wit_bindgen::bitflags` to `wit_bindgen::rt::bitflags` and `wit_bindgen::rt::{vec, string, "
            "boxed, alloc}` to `std::…`; report the other removed compatibility items.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1369",
    prefilter=(b"bitflags", b"wit_bindgen::rt::"),
    moves={
        "wit_bindgen::bitflags": "wit_bindgen::rt::bitflags",
        "wit_bindgen::rt::vec": "std::vec",
        "wit_bindgen::rt::string": "std::string",
        "wit_bindgen::rt::boxed": "std::boxed",
        "wit_bindgen::rt::alloc": "std::alloc",
        "wit_bindgen::rt::dealloc": None,
        "wit_bindgen::rt::string_lift": None,
        "wit_bindgen::rt::char_lift": None,
        "wit_bindgen::rt::bool_lift": None,
        "wit_bindgen::rt::invalid_enum_discriminant": None,
        "wit_bindgen::rt::WasmResource": None,
        "wit_bindgen::rt::RustResource": None,
        "wit_bindgen::rt::Resource": None,
    },
    removed_hints={
        "wit_bindgen::rt::dealloc": _GONE,
        "wit_bindgen::rt::string_lift": _GONE,
        "wit_bindgen::rt::char_lift": _GONE,
        "wit_bindgen::rt::bool_lift": _GONE,
        "wit_bindgen::rt::invalid_enum_discriminant": _GONE,
        "wit_bindgen::rt::WasmResource": _GONE,
        "wit_bindgen::rt::RustResource": _GONE,
        "wit_bindgen::rt::Resource": "the pre-0.20 `Resource<T>` was removed in 0.45 (the `Resource` of 0.59+ is "
                                      "an unrelated trait); use the generated resource types",
    },
)
