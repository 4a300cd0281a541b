"""wasmtime 39: Wizer moved into the wasmtime repository as `wasmtime-wizer` (released with wasmtime).

Checked against wizer 10.0.0 and wasmtime-wizer 39.0.2: the crate is renamed (`wizer` -> `wasmtime-wizer`,
paths `wizer::` -> `wasmtime_wizer::`, released in lock-step with wasmtime); its `wasmtime` re-export is
gone (use the `wasmtime` crate), and so is the `Linker` alias over its own store data. The engine-owning
API went too: `run(&self, wasm)` became `async fn run(&self, &mut Store<T>, wasm, instantiate)` behind the
`wasmtime` feature, and the WASI/engine knobs (`allow_wasi`, `inherit_stdio`, `dir`, `make_linker`,
`wasm_*`, `preload*`, ...) are the caller's wasmtime `Config`/`Linker`/`Store` now: those calls are
reported, not rewritten.
"""

from __future__ import annotations

import tomlkit
from tomlkit.items import InlineTable, Table

from wasm_codemod import cargo
from wasm_codemod.rust.calls import method_calls
from wasm_codemod.transform import ManifestContext, Safety, Step, StepContext

OLD, NEW = "wizer", "wasmtime-wizer"
# wizer 10 builder methods with no wasmtime-wizer counterpart (the embedder owns the engine now)
GONE = {
    "allow_wasi": "add WASI to your own `Linker` (wasmtime-wasi) in the `instantiate` closure",
    "inherit_stdio": "configure stdio on your `WasiCtxBuilder`",
    "inherit_env": "configure the environment on your `WasiCtxBuilder`",
    "dir": "preopen the directory on your `WasiCtxBuilder`",
    "map_dir": "preopen the directory on your `WasiCtxBuilder`",
    "make_linker": "build the `Linker` yourself and instantiate with it in the `instantiate` closure",
    "preload": "define the preloaded module in your own `Linker`",
    "preload_bytes": "define the preloaded module in your own `Linker`",
    "wasm_multi_memory": "set it on your wasmtime `Config`",
    "wasm_multi_value": "set it on your wasmtime `Config`",
    "wasm_bulk_memory": "set it on your wasmtime `Config`",
    "wasm_simd": "set it on your wasmtime `Config`",
    "wasm_reference_types": "set it on your wasmtime `Config`",
}


def _rename(container: object, old_key: str, new_key: str, value: object) -> None:
    """Replace ``old_key`` by ``new_key`` at the same place in the table (tomlkit has no rename)."""
    keys = list(container.keys())  # type: ignore[attr-defined]
    after = keys[keys.index(old_key) + 1:]
    moved = [(k, container[k]) for k in after]  # type: ignore[index]
    for k in after:
        del container[k]  # type: ignore[attr-defined]
    del container[old_key]  # type: ignore[attr-defined]
    container[new_key] = value  # type: ignore[index]
    for k, v in moved:
        container[k] = v  # type: ignore[index]


def manifest(ctx: ManifestContext) -> None:
    if not any(d.name == OLD and not d.is_git_or_path for d in cargo.iter_deps(ctx.data)):
        return
    wasmtime_req = next((d.requirement for d in cargo.iter_deps(ctx.doc)
                         if d.name == "wasmtime" and d.requirement), None)
    newest = None
    if hasattr(ctx, "newest_patch"):
        newest = ctx.newest_patch(ctx.target)  # type: ignore[attr-defined]
    req = cargo.bump_requirement(wasmtime_req, ctx.target, newest) if wasmtime_req else ctx.target
    for dep in list(cargo.iter_deps(ctx.doc)):
        if dep.name != OLD or dep.is_git_or_path:
            continue
        item = dep.item
        renamed = isinstance(item, (dict, InlineTable, Table)) and "package" in item
        workspace_table = dep.table == "workspace.dependencies"
        if isinstance(item, str):
            if workspace_table:
                new: object = cargo._like(item, req)
            else:
                new = tomlkit.parse(f'x = {{ version = "{req}", features = ["wasmtime"] }}')["x"]
        else:
            new = item
            if renamed:
                new["package"] = NEW  # type: ignore[index]
            if "version" in new:  # type: ignore[operator]
                new["version"] = req  # type: ignore[index]
            if not workspace_table:
                feats = new.get("features")  # type: ignore[attr-defined]
                if feats is None:
                    new["features"] = ["wasmtime"]  # type: ignore[index]
                elif "wasmtime" not in [str(f) for f in feats]:
                    feats.append("wasmtime")
        if renamed:
            dep.container[dep.key] = new
        else:
            _rename(dep.container, dep.key, NEW, new)
        ctx.changed = True
        ctx.report(ctx.line_of_key(dep.key), f"`wizer` is now `wasmtime-wizer` (released with wasmtime, here "
                   f"{req}); its `run` needs the `wasmtime` feature, and is async: `Wizer::run(&mut store, wasm, "
                   "instantiate)`", "review")


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        data = unit.src.data
        if b"wizer" not in data:
            continue
        if b"wizer::wasmtime" in data:
            ctx.require_crate("wasmtime")  # the re-export is gone: the code names `wasmtime` itself now
        for mc in method_calls(unit.src.root, set(GONE) | {"run"}):
            name = mc.method
            if name == "run":
                if len(mc.args) != 1 or b"Wizer" not in data:
                    continue
                ctx.report(unit, mc.call, "wasmtime-wizer: `run` is `async fn run(&self, store: &mut Store<T>, "
                           "wasm: &[u8], instantiate: impl AsyncFnOnce(&mut Store<T>, &Module) -> Result<Instance>)`: "
                           "create the Engine (async support on) and Store yourself, instantiate with your Linker "
                           "in the closure, and `.await` it")
            elif b"Wizer" in data:
                ctx.report(unit, mc.call, f"wasmtime-wizer has no `{name}`: {GONE[name]}")


STEP = Step(
    id="wasmtime-39-wasmtime-wizer",
    family="wasmtime",
    from_version="38",
    to_version="39",
    safety=Safety.REVIEW,
    title="Move from the wizer crate to wasmtime-wizer",
    summary="Rename the `wizer` dependency to `wasmtime-wizer` at the wasmtime version (with its `wasmtime` "
            "feature), rewrite `wizer::` paths, and report the calls of the old engine-owning API.",
    upstream="https://docs.rs/wasmtime-wizer/39.0.2/wasmtime_wizer/",
    prefilter=(b"wizer",),
    apply=apply,
    manifest=manifest,
    handles_crates=(OLD,),
    moves={
        "wizer": "wasmtime_wizer",
        "wizer::wasmtime": "wasmtime",
        "wizer::Linker": None,
        "wizer::StoreData": None,
        "wizer::dummy": None,
    },
    removed_hints={
        "wizer::Linker": "`wizer::Linker` (a Linker over wizer's own store data) is gone: build a "
                         "`wasmtime::Linker<T>` for your own store and instantiate with it in `Wizer::run`'s closure",
        "wizer::StoreData": "wizer's store data is gone: `Wizer::run` takes your own `Store<T>`",
        "wizer::dummy": "`wizer::dummy` is gone",
    },
)
