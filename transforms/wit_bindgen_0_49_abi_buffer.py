"""wit-bindgen 0.49: `AbiBuffer<T>` became `AbiBuffer<O: StreamOps>` (generic over the stream's ops).

The stream types were rebuilt on `RawStream*<O>` (`StreamWriter<T>` is now an alias of
`RawStreamWriter<&'static StreamVtable<T>>`); a buffer from `StreamWriter::<T>::write` is now an
`AbiBuffer<&'static StreamVtable<T>>`. Code that lets the type be inferred is unaffected, and
`into_vec` still yields `Vec<T>`; a written `AbiBuffer<T>` fails (`T: StreamOps` is not satisfied).
`StreamVtable` is only under the hidden `wit_bindgen::rt::async_support`, so the spelled type is
reported, not rewritten. Read in wit-bindgen 0.48.1 / 0.49.0 `src/rt/async_support/abi_buffer.rs`.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import walk
from wasm_codemod.transform import Safety, Step, StepContext

# apply sees the paths of the chain's starting version: wit-bindgen-rt's spelling before 0.45 too
ABI_BUFFER = {("wit_bindgen", "AbiBuffer"), ("wit_bindgen", "rt", "async_support", "AbiBuffer"),
              ("wit_bindgen_rt", "async_support", "AbiBuffer")}


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"AbiBuffer" not in unit.src.data:
            continue
        for n in walk(unit.src.root):
            if n.type != "generic_type":
                continue
            ty = n.child_by_field_name("type")
            if ty is not None and ctx.resolves_to(unit, ty, ABI_BUFFER):
                ctx.report(unit, n, "`AbiBuffer` is generic over the stream's ops from wit-bindgen 0.49: "
                           "`AbiBuffer<T>` is now `AbiBuffer<&'static wit_bindgen::rt::async_support::StreamVtable"
                           "<T>>`; let the type be inferred from `StreamWriter::write`, or spell it so")


STEP = Step(
    id="wit-bindgen-0.49-abi-buffer",
    family="wit-bindgen",
    from_version="0.48",
    to_version="0.49",
    safety=Safety.MANUAL,
    title="Report spelled AbiBuffer<T> types",
    summary="Report written `AbiBuffer<T>` types: from 0.49 `AbiBuffer` is generic over the stream ops "
            "(`AbiBuffer<&'static StreamVtable<T>>`).",
    upstream="https://github.com/bytecodealliance/wit-bindgen/compare/v0.48.1...v0.49.0",
    prefilter=(b"AbiBuffer",),
    apply=apply,
)
