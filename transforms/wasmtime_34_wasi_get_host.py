"""E34: the generated `add_to_linker_get_host` of wasmtime-wasi / -http / -io is gone (manual, report only).

API ledger, 33->34: every `bindings::...::add_to_linker_get_host(linker, getter)` was removed; the
generated `add_to_linker::<T, D>(linker, fn(&mut T) -> D::Data<'_>)` takes a `D: HasData` instead.
`wasmtime-34-has-data` handles the host's own `bindgen!` output; this step reports the calls into the
WASI crates' bindings, which need a `HasData` type the host has to name (wasmtime-wasi-http 34 itself
writes `struct WasiHttp<T>(T); impl<T: 'static> HasData for WasiHttp<T> { type Data<'a> =
WasiHttpImpl<&'a mut T>; }`).
"""

from __future__ import annotations

from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

CRATES = ("wasmtime_wasi", "wasmtime_wasi_http", "wasmtime_wasi_io")
HINT = ("define a `HasData` type for the getter's result, e.g. `struct HasWasi<T>(T); impl<T: 'static> "
        "wasmtime::component::HasData for HasWasi<T> {{ type Data<'a> = {data}; }}`, and call "
        "`{module}add_to_linker::<_, HasWasi<T>>(linker, |t| ..)` (the getter must be a non-capturing closure)")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in walk_types(unit.src.root, ("call_expression",)):
            if call.type != "call_expression":
                continue
            fn = call.child_by_field_name("function")
            if fn is None or fn.type != "scoped_identifier":
                continue
            name = fn.child_by_field_name("name")
            if name is None or text(name) not in ("add_to_linker_get_host", "add_to_linker"):
                continue
            segs = path_of(fn)
            if segs is None:
                continue
            full = unit.names.resolve(segs, fn)
            if full[0] not in CRATES or "bindings" not in full:
                continue
            data = "WasiHttpImpl<&'a mut T>" if full[0] == "wasmtime_wasi_http" else "WasiImpl<&'a mut T>"
            module = text(fn)[: -len(text(name))]
            if text(name) == "add_to_linker":
                # no `::<_, D>` (the fn node would be a generic_function): the pre-34 getter form
                what = f"`{text(fn)}` takes `::<_, D>` with `D: HasData` from wasmtime 34: "
            else:
                what = f"`{text(fn)}` was removed at wasmtime 34: "
            ctx.report(unit, call, what + HINT.format(data=data, module=module))


STEP = Step(
    id="wasmtime-34-wasi-get-host",
    family="wasmtime",
    from_version="33",
    to_version="34",
    safety=Safety.MANUAL,
    title="Report add_to_linker_get_host calls into the WASI crates' bindings",
    summary="Report `wasmtime_wasi`/`wasmtime_wasi_http`/`wasmtime_wasi_io` `bindings::…::add_to_linker_get_host` "
            "calls (removed at 34) and two-argument `bindings::…::add_to_linker` calls with the `HasData` type and "
            "`add_to_linker::<_, D>` call to write instead.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10770",
    prefilter=(b"add_to_linker_get_host",),
    apply=apply,
)
