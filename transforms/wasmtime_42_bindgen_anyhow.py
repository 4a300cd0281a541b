"""E42.1, the `bindgen!` side: generated signatures use `wasmtime::Result`, which is no longer anyhow's.

By default nothing is rewritten here: each `bindgen!` whose generated traits are implemented
with `anyhow::Result` return types gets one follow-up listing those methods (the
wasmtime-42 error-type rewrite turns them into `wasmtime::Result`). With the step option
`bindgen_anyhow` (CLI `--bindgen-anyhow`) the escape hatch is taken instead: `anyhow: true` is
added to every `bindgen!`, so the generated signatures keep `anyhow::Result`.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.bindgen import wasmtime_bindgen_calls
from wasm_codemod.rust.impls import trait_path_node
from wasm_codemod.rust.macro_options import add_entry
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext
from wasm_codemod.wordsearch import word_search

# traits bindgen! generates: `Host`, `HostFoo` (resources), `HostWithStore`, `<World>Imports`
GENERATED_TRAIT = re.compile(r"^(Host[A-Za-z0-9]*|[A-Za-z0-9]+Imports)$")
# `impl<..> path::HostFoo for` / `..Imports for` (a header holds no `{` or `;` before the trait)
_GENERATED_IMPL_SPELLED = re.compile(rb"impl\b[^{;]*?(?:\bHost|Imports\b)")  # searched as a word
LIBRARY_ROOTS = ("wasmtime", "wasmtime_wasi", "wasmtime_wasi_http", "wasmtime_wasi_io", "wasmtime_wasi_nn",
                 "wasmtime_wasi_config", "wasmtime_wasi_keyvalue", "wasmtime_wasi_tls")


def apply(ctx: StepContext) -> None:
    opt_in = bool(ctx.options.get("bindgen_anyhow", False))
    if not opt_in and not any(_may_hold_anyhow_methods(u.src.data) for u in ctx.units):
        return  # by default only such impls are reported: without one, no bindgen! call is read
    unsure: list = []
    calls = [(u, n, o) for u, n, o in wasmtime_bindgen_calls(ctx, unsure)]
    if opt_in:
        for unit, node, _ in unsure:
            ctx.report(unit, node, "this `bindgen!` is imported through a crate path, so the tool cannot tell "
                       "whether it is wasmtime's; if it is, add `anyhow: true` to it by hand")
    if not calls:
        return
    if opt_in:
        added = False
        for unit, node, opts in calls:
            if opts is None:
                ctx.report(unit, node, "could not read this bindgen!'s options; add `anyhow: true` by hand")
                continue
            if opts.get("anyhow") is not None:
                continue
            if opts.shorthand is not None:
                world, path = opts.shorthand
                body = f'{{ world: "{world}", ' + (f'path: "{path}", ' if path else "") + "anyhow: true }"
                tt = opts.body
                ctx.replace(unit, (tt.start_byte + 1, tt.end_byte - 1), body)
            elif not add_entry(unit.src, unit.edits, opts.options, "anyhow: true", ctx.step.id):
                ctx.report(unit, node, "could not add `anyhow: true` here (overlapping edit); add it by hand")
                continue
            added = True
        if added:
            _feature_check(ctx)
        return
    # default: point at the impls that the error-type change breaks
    sites = _anyhow_methods(ctx)
    if not sites:
        return
    where = ", ".join(f"{u.path}:{u.src.line_of(n.start_byte)}" for u, n in sites)
    unit, node, _ = calls[0]
    ctx.report(unit, node, f"from 42 the generated traits return `wasmtime::Result`, which is no longer "
               f"`anyhow::Result`; these impl methods still return anyhow's: {where}. Change them to "
               "`wasmtime::Result` (wasmtime's `bail!`/`format_err!`/`error::Context`), or keep anyhow by "
               "adding `anyhow: true` to bindgen! (rerun with --bindgen-anyhow)", "review")


def _may_hold_anyhow_methods(data: bytes) -> bool:
    """Such an impl names its generated trait, and anyhow's type in its signatures."""
    return b"anyhow" in data and word_search(_GENERATED_IMPL_SPELLED, data) is not None


def _anyhow_methods(ctx: StepContext) -> list[tuple[RustUnit, Node]]:
    out = []
    for unit in ctx.units:
        data = unit.src.data
        if not _may_hold_anyhow_methods(data):
            continue
        for impl in walk_types(unit.src.root, ("impl_item",)):
            trait = trait_path_node(impl)
            segs = path_of(trait) if trait is not None else None
            if segs is None or not GENERATED_TRAIT.match(segs[-1]):
                continue
            full = unit.names.resolve(segs, impl)
            if full[0] in LIBRARY_ROOTS:
                continue  # wasmtime-wasi's own generated traits: not this crate's bindgen!
            body = impl.child_by_field_name("body")
            for fn in (body.named_children if body is not None else []):
                if fn.type != "function_item":
                    continue
                ret = fn.child_by_field_name("return_type")
                if ret is not None and _is_anyhow_result(unit, ret):
                    out.append((unit, fn))
    return out


def _is_anyhow_result(unit: RustUnit, ret: Node) -> bool:
    for n in walk(ret):
        if n.type in ("scoped_type_identifier", "type_identifier"):
            segs = path_of(n)
            if segs is None or segs[-1] not in ("Result", "Error"):
                continue
            full = unit.names.resolve(segs, ret)
            if full[0] == "anyhow":
                return True
    return "anyhow::" in text(ret)


def _feature_check(ctx: StepContext) -> None:
    """The crate's own wasmtime entry (the engine's read of its Cargo.toml) must enable `anyhow`."""
    if ctx.manifest is None:
        return
    dep = ctx.manifest.data.get("dependencies", {}).get("wasmtime")
    if not isinstance(dep, dict):
        return
    if dep.get("workspace") is True:
        ctx.follow_ups.append(_manifest_follow_up(ctx, "wasmtime is inherited from the workspace: "
                                                  "if it has `default-features = false`, add the `anyhow` "
                                                  "feature there (needed by `anyhow: true` from 42)", "review"))
        return
    if dep.get("default-features", True) is False and "anyhow" not in dep.get("features", []):
        ctx.follow_ups.append(_manifest_follow_up(ctx, "`anyhow: true` in bindgen! needs the "
                                                  "wasmtime Cargo feature `anyhow` (default features are off "
                                                  "here): add \"anyhow\" to wasmtime's `features`", "manual"))


def _manifest_follow_up(ctx: StepContext, message: str, severity: str):
    from wasm_codemod.transform import FollowUp

    lines = ctx.manifest.text.splitlines()
    line = next((i for i, ln in enumerate(lines, 1) if ln.strip().startswith("wasmtime")), 1)
    unit_path = ctx.units[0].path
    rel = unit_path.split("src/")[0] + "Cargo.toml" if "src/" in unit_path else "Cargo.toml"
    return FollowUp(rel, line, ctx.step.id, message, severity, ctx.step.upstream)


STEP = Step(
    id="wasmtime-42-bindgen-anyhow",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.REVIEW,
    title="bindgen! and the end of anyhow as wasmtime's error type",
    summary="Point at bindgen-trait impls that return `anyhow::Result`; with the `bindgen_anyhow` option, add "
            "`anyhow: true` to each `bindgen!` instead.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12331",
    # the bindgen! files, and those whose generated-trait impls return anyhow's Result
    prefilter=(b"bindgen!", b"anyhow"),
    apply=apply,
)
