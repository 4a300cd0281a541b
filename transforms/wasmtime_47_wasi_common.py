"""E47.1: `wasi-common` is gone at 47; its WASIp1 host moves onto `wasmtime_wasi::p1`.

Mechanical part (checked against wasi-common 46.0.3 and wasmtime-wasi 47.0.4):
- `wasi_common::sync::WasiCtxBuilder::new()` chains -> `wasmtime_wasi::WasiCtxBuilder::new()`;
  `inherit_args/args/arg/env/envs/inherit_env` no longer return `Result` (the `?` goes) and
  `.build()` becomes `.build_p1()`, which returns `wasmtime_wasi::p1::WasiP1Ctx`;
- `wasi_common::WasiCtx` -> `wasmtime_wasi::p1::WasiP1Ctx`;
- `wasi_common::sync::add_to_linker` -> `wasmtime_wasi::p1::add_to_linker_sync` (and `tokio` -> `_async`);
- Cargo: `wasi-common` is dropped and `wasmtime-wasi` (default features include `p1`) added.
Everything else (preopens with `cap_std::Dir`, custom `WasiFile`s, wasi-threads) is reported.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import ManifestContext, RustUnit, Safety, Step, StepContext

from ._families import WASMTIME
from ._wasi import paths

BUILDER = paths("wasi_common::sync::WasiCtxBuilder", "wasi_common::tokio::WasiCtxBuilder")
LINKER_FNS = paths("wasi_common::sync::add_to_linker", "wasi_common::tokio::add_to_linker")
NO_RESULT = frozenset({"inherit_args", "args", "arg", "env", "envs", "inherit_env"})
SAME = frozenset({"inherit_stdio", "inherit_stdin", "inherit_stdout", "inherit_stderr"})


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for n in walk_types(unit.src.root, ("call_expression",)):
            if n.type == "call_expression" and _is_builder_new(ctx, unit, n):
                _chain(ctx, unit, n)
        for call in walk_types(unit.src.root, ("call_expression",)):
            fn = call.child_by_field_name("function")
            if fn is not None and fn.type in ("scoped_identifier", "identifier") \
                    and ctx.resolves_to(unit, fn, LINKER_FNS):
                ctx.report(unit, call, "wasi-common's `add_to_linker` also linked the old `wasi_unstable` "
                           "(preview0) module; if you run such modules add "
                           "`wasmtime_wasi::p0::add_to_linker_sync(&mut linker, <same closure>)?` too", "review")


def _is_builder_new(ctx: StepContext, unit: RustUnit, call: Node) -> bool:
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "scoped_identifier":
        return False
    name, path = fn.child_by_field_name("name"), fn.child_by_field_name("path")
    return name is not None and path is not None and text(name) in ("new", "default") \
        and ctx.resolves_to(unit, path, BUILDER) is not None


def _chain(ctx: StepContext, unit: RustUnit, new_call: Node) -> None:
    node = new_call
    built = False
    while True:
        p = node.parent
        if p is None:
            break
        if p.type == "try_expression":
            node = p
            continue
        if p.type == "field_expression" and p.parent is not None and p.parent.type == "call_expression" \
                and p.child_by_field_name("value") == node:
            field = p.child_by_field_name("field")
            assert field is not None
            m = text(field)
            call = p.parent
            nxt = call.parent
            if m in NO_RESULT:
                if nxt is not None and nxt.type == "try_expression":
                    ctx.replace(unit, (call.end_byte, nxt.end_byte), "")
                    node = nxt
                    continue
                ctx.report(unit, call, f"`.{m}(..)` no longer returns a `Result` in wasmtime-wasi; remove the "
                           f"error handling after it")
            elif m == "build":
                ctx.replace(unit, field, "build_p1")
                built = True
            elif m not in SAME:
                ctx.report(unit, call, f"`.{m}(..)` of wasi-common's builder has a different shape in "
                           f"`wasmtime_wasi::WasiCtxBuilder` (e.g. `preopened_dir(host_path, guest_path, "
                           f"DirPerms, FilePerms)` instead of a `cap_std` `Dir`; `stdin/stdout/stderr` take "
                           f"`wasmtime_wasi` stdio streams, not `WasiFile`s); rewrite this call by hand")
            node = call
            continue
        break
    if not built:
        ctx.report(unit, new_call, "wasi-common's `WasiCtxBuilder` is used through a variable here: remove the "
                   "`?` after `inherit_args/args/arg/env/envs/inherit_env`, and call `.build_p1()` (which "
                   "returns `wasmtime_wasi::p1::WasiP1Ctx`) instead of `.build()`")


def manifest(ctx: ManifestContext) -> None:
    if not any("wasi-common" in table for table, _ in _dep_tables(ctx.data)):
        return
    for table, _where in _dep_tables(ctx.doc):
        if "wasi-common" not in table:
            continue
        old = table["wasi-common"]
        del table["wasi-common"]
        ctx.changed = True
        if "wasmtime-wasi" in table:
            continue
        if hasattr(old, "get") and old.get("workspace"):
            import tomlkit

            table["wasmtime-wasi"] = tomlkit.parse("x = { workspace = true }")["x"]
        else:
            w = table.get("wasmtime")
            req = w if isinstance(w, str) else (w.get("version") if hasattr(w, "get") else None)
            table["wasmtime-wasi"] = str(req) if req else (WASMTIME.newest_patch(ctx.target) or ctx.target)


def _dep_tables(doc):
    for key in ("dependencies", "dev-dependencies", "build-dependencies"):
        if key in doc:
            yield doc[key], key
    ws = doc.get("workspace")
    if ws is not None and "dependencies" in ws:
        yield ws["dependencies"], "workspace.dependencies"
    for name, t in (doc.get("target") or {}).items():
        for key in ("dependencies", "dev-dependencies"):
            if key in t:
                yield t[key], f"target.{name}.{key}"


STEP = Step(
    id="wasmtime-47-wasi-common",
    family="wasmtime",
    from_version="46",
    to_version="47",
    safety=Safety.REVIEW,
    title="Move wasi-common hosts to wasmtime_wasi::p1",
    summary="Replace the `wasi-common` dependency by `wasmtime-wasi`, its builder chains by "
            "`wasmtime_wasi::WasiCtxBuilder ... .build_p1()`, `WasiCtx` by `p1::WasiP1Ctx` and `add_to_linker` by "
            "`p1::add_to_linker_sync/async`; report the rest.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/13558",
    prefilter=(b"wasi_common",),
    apply=apply,
    manifest=manifest,
    handles_crates=("wasi-common",),
    moves={
        "wasi_common::sync::WasiCtxBuilder": "wasmtime_wasi::WasiCtxBuilder",
        "wasi_common::tokio::WasiCtxBuilder": "wasmtime_wasi::WasiCtxBuilder",
        "wasi_common::WasiCtx": "wasmtime_wasi::p1::WasiP1Ctx",
        "wasi_common::sync::add_to_linker": "wasmtime_wasi::p1::add_to_linker_sync",
        "wasi_common::tokio::add_to_linker": "wasmtime_wasi::p1::add_to_linker_async",
        "wasi_common::I32Exit": "wasmtime_wasi::I32Exit",
        "wasi_common": None,
    },
    removed_hints={
        "wasi_common": "the `wasi-common` crate is not published from 47 on; use `wasmtime_wasi::p1` "
                       "(`WasiCtxBuilder::build_p1()`, `p1::WasiP1Ctx`, `p1::add_to_linker_sync`) and port this "
                       "item by hand",
    },
)
