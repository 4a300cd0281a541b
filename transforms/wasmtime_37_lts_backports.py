"""E37: APIs that only the 36 LTS patch 36.0.20 has (backports of 42's limits) are absent from 37-41.

The API ledger compares the newest patch of each line, and 36.0.20 carries hardening backports that the
37 (and 38-41) releases never had: store hostcall fuel and component handle limits, resource-table and
random-size limits and wasi-http field size limits (checked: none of them is in 36.0.0). A host that adopted
them on 36.0.20 must drop them for 37 (most come back in 42: see `wasmtime-42-wasi-limits`). Report only.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import Safety, Step, StepContext

from ._api_report import report_api
from ._report_only import path_calls

_GONE = "not in wasmtime 37-41 (a 36.0.20 backport; it returns in 42): remove it for now"
METHODS: dict[str, str | tuple[str, int]] = {
    "set_hostcall_fuel": _GONE, "hostcall_fuel": (_GONE, 0),
    "set_max_component_handles": _GONE, "max_component_handles": (_GONE, 0),
    "set_max_capacity": _GONE, "max_capacity": (_GONE, 0),
    "max_random_size": (_GONE, 1), "set_field_size_limit": _GONE,
}
MOVES: dict[str, str | None] = {
    "wasmtime_wasi::random::DEFAULT_MAX_SIZE": None,
    "wasmtime_wasi_http::types::FieldSizeLimitError": None,
}
HINTS = {p: "a 36.0.20 backport that wasmtime 37-41 do not have" for p in MOVES}
# constructor -> argument count on 36.0.20
CONSTRUCTORS = {
    ("wasmtime_wasi_http", "body", "HostIncomingBody", "new"): 3,
    ("wasmtime_wasi_http", "types", "HostIncomingRequest", "new"): 5,
}
_report = report_api(methods=METHODS)


def apply(ctx: StepContext) -> None:
    _report(ctx)
    for unit in ctx.units:
        for call in path_calls(ctx, unit, set(CONSTRUCTORS)):
            fn = call.child_by_field_name("function")
            full = ctx.resolves_to(unit, fn, set(CONSTRUCTORS)) if fn is not None else None
            n = len(call_arguments(call))
            if full is not None and n == CONSTRUCTORS[full]:
                ctx.report(unit, call, f"`{'::'.join(full[-2:])}` has no `field_size_limit` argument in "
                           "wasmtime-wasi-http 37-41 (36.0.20 backport): drop the last argument")


STEP = Step(
    id="wasmtime-37-lts-backports",
    family="wasmtime",
    from_version="36",
    to_version="37",
    safety=Safety.MANUAL,
    title="Report 36.0.20-only limit APIs that 37 does not have",
    summary="Report hostcall-fuel, handle, resource-table, random-size and wasi-http field-size limit APIs: "
            "backported to 36.0.20, absent from 37-41.",
    upstream="https://github.com/bytecodealliance/wasmtime/releases/tag/v36.0.20",
    prefilter=(b"hostcall_fuel", b"max_component_handles", b"max_capacity", b"max_random_size",
               b"field_size_limit", b"DEFAULT_MAX_SIZE", b"FieldSizeLimitError", b"HostIncoming"),
    moves=MOVES,
    removed_hints=HINTS,
    apply=apply,
)
