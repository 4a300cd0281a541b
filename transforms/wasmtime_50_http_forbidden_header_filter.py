"""E50.5: `WasiHttpHooks::is_forbidden_header` was removed; override `forbidden_header_filter` instead.

The filter is `wasmtime_wasi_http::ForbiddenHeaderFilter = Arc<dyn Fn(&HeaderName) -> bool + Send + Sync>`;
it may run after the store is dropped, so it cannot borrow `self`. It exists since 48.0.7 / 49.0.4
(GHSA-jxcf-8qw5-5c33 backport), so the rewritten code also builds on those patches.
"""

from __future__ import annotations

from wasm_codemod.rust.parse import text, walk
from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi_http import HOOKS_43, HOOKS_48, method_calls


def apply(ctx: StepContext) -> None:
    for hooks in ctx.impls(HOOKS_48 | HOOKS_43):
        fn = hooks.methods().get("is_forbidden_header")
        if fn is None:
            continue
        unit = hooks.unit
        params = [p for p in fn.child_by_field_name("parameters").named_children if p.type == "parameter"]
        body = fn.child_by_field_name("body")
        if len(params) != 1 or body is None:
            ctx.report(unit, fn, "`is_forbidden_header` was removed at 50: override `fn forbidden_header_filter(&mut "  # type: ignore[arg-type]
                       "self) -> wasmtime_wasi_http::ForbiddenHeaderFilter` returning `Arc::new(|name| ..)`")
            continue
        if any(n.type == "self" for n in walk(body)):
            ctx.report(unit, fn, "`is_forbidden_header` was removed at 50 and this override reads `self`: override "  # type: ignore[arg-type]
                       "`fn forbidden_header_filter(&mut self) -> wasmtime_wasi_http::ForbiddenHeaderFilter` and "
                       "return `std::sync::Arc::new(move |name: &HeaderName| ..)` that owns a clone of the state it "
                       "needs (it must be `Send + Sync + 'static`; it can run after the store is dropped)")
            continue
        ind = unit.src.indent_at(fn.start_byte)  # type: ignore[attr-defined]
        inner = text(body)[1:-1].replace("\r\n", "\n").rstrip().lstrip("\n")
        lines = [("    " + ln if ln.strip() else ln) for ln in inner.split("\n")]
        new = (f"fn forbidden_header_filter(&mut self) -> wasmtime_wasi_http::ForbiddenHeaderFilter {{\n"
               f"{ind}    std::sync::Arc::new(|{text(params[0])}| {{\n" + "\n".join(lines) + f"\n{ind}    }})\n{ind}}}")
        ctx.replace(unit, fn, new)  # type: ignore[arg-type]
        ctx.report(unit, fn, "`is_forbidden_header` became `forbidden_header_filter` (returns a shareable predicate); "  # type: ignore[arg-type]
                   "the body was moved into the closure unchanged", "review")
    for unit in ctx.units:
        if b"is_forbidden_header" not in unit.src.data:
            continue
        for call, _f, _r in method_calls(unit, {"is_forbidden_header"}):
            ctx.report(unit, call, "`is_forbidden_header(..)` was removed at 50: call "
                       "`(hooks.forbidden_header_filter())(&name)` instead")


STEP = Step(
    id="wasmtime-50-http-forbidden-header-filter",
    family="wasmtime",
    from_version="49",
    to_version="50",
    safety=Safety.REVIEW,
    title="Turn is_forbidden_header into forbidden_header_filter",
    summary="Rewrite a `WasiHttpHooks::is_forbidden_header` override that does not read `self` into "
            "`forbidden_header_filter` returning `Arc::new(|name| ..)`; report the others and direct calls.",
    upstream="https://github.com/bytecodealliance/wasmtime/security/advisories/GHSA-jxcf-8qw5-5c33",
    prefilter=(b"is_forbidden_header",),
    apply=apply,
)
