"""E36.1 (random): the p2 random host traits are implemented for `WasiRandomCtx` from 36, not for the view.

35: `impl<T: WasiView> random::Host for WasiImpl<T>`, so a program that links the p2 random interfaces
one by one (`bindings::random::random::add_to_linker::<_, D>` with the same `D` as the other wasi
interfaces, or handed to its own link helper) gets them from the view. 36 (wasmtime-wasi
`p2/host/random.rs`): `impl random::Host for WasiRandomCtx` (likewise `insecure`, `insecure_seed`);
`WasiCtxView` implements none of them, and wasmtime's own `WasiRandom` HasData type is `pub(crate)`.
The getter must return `&mut WasiRandomCtx` (`WasiCtx::random()`), so each site gets its own D and
getter: which getter is the program's to write (reported at the site with the exact edit).
"""

from __future__ import annotations

import re

from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import in_use_declaration, walk_types
from wasm_codemod.transform import Safety, Step, StepContext
from wasm_codemod.wordsearch import word_search

BINDINGS_ROOTS = (("wasmtime_wasi", "p2", "bindings"), ("wasmtime_wasi", "bindings"))
INTERFACES = ("random", "insecure", "insecure_seed")
LINKERS = {r + ("random", i, f) for r in BINDINGS_ROOTS for i in INTERFACES
           for f in ("add_to_linker", "add_to_linker_get_host")}
HOSTS = {r + ("random", i, "Host") for r in BINDINGS_ROOTS for i in INTERFACES}

# searched as words (wasm_codemod.wordsearch)
_SITE_SPELLED = re.compile(rb"(?:random|insecure|insecure_seed)\s*::\s*add_to_linker"
                           rb"|(?:random|insecure|insecure_seed|self)\s+as\b")

HINT = ("from wasmtime 36 `{iface}::Host` is implemented for `wasmtime_wasi::random::WasiRandomCtx`, not for "
        "the WASI view (`WasiImpl` is gone and `WasiCtxView` does not implement it): link it with "
        "`D = wasmtime::component::HasSelf<WasiRandomCtx>` and a getter returning `&mut WasiRandomCtx` "
        "(`|t| t.ctx().ctx.random()` for a `WasiView` store, or `WasiCtx::random()` on your own context)")


def apply(ctx: StepContext) -> None:
    sites = []
    for unit in ctx.units:
        data = unit.src.data
        if b"add_to_linker" not in data or b"bindings" not in data or word_search(_SITE_SPELLED, data) is None:
            # a site's path is resolved through this file's imports, and every one names `bindings`;
            # the module before `::add_to_linker` is an interface's own name or a renaming import's
            continue
        for n in walk_types(unit.src.root, ("scoped_identifier",)):
            parent = n.parent
            if parent is not None and parent.type == "scoped_identifier":
                continue  # inside a longer path: the whole path is checked
            if in_use_declaration(n):
                continue
            segs = path_of(n)
            if segs is None or segs[-1] not in ("add_to_linker", "add_to_linker_get_host"):
                continue
            full = unit.names.resolve(segs, n)
            if full in LINKERS:
                sites.append((unit, n, full))
    # the crate-wide impl search only when there is a site to report
    if not sites or ctx.impls(HOSTS):
        return  # (an impl: the program implements a random host itself, so its D stays valid)
    for unit, n, full in sites:
        ctx.report(unit, n, HINT.format(iface="::".join(full[-3:-1])))


STEP = Step(
    id="wasmtime-36-p2-random-host",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.MANUAL,
    title="Report p2 random interfaces linked one by one",
    summary="Report each `bindings::random::{random,insecure,insecure_seed}::add_to_linker` site: from 36 their "
            "host is `WasiRandomCtx` (getter `&mut WasiRandomCtx`, D `HasSelf<WasiRandomCtx>`).",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11314",
    prefilter=(b"random",),
    apply=apply,
    units_only=True,
)
