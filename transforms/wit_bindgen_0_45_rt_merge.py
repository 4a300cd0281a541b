"""B7: `wit-bindgen-rt` was folded into `wit-bindgen` at 0.45 (its runtime is `wit_bindgen::rt`)."""

from __future__ import annotations

import tomlkit
from tomlkit.items import InlineTable, Table

from wasm_codemod import cargo
from wasm_codemod.rust.guest import generate_calls
from wasm_codemod.rust.macro_options import remove_entry
from wasm_codemod.transform import ManifestContext, Safety, Step, StepContext

from ._cargo_component import is_cargo_component
from ._families import WIT_BINDGEN
from ._guest import add_features, default_features_off, wb_deps

RT = "wit-bindgen-rt"
# features of wit-bindgen-rt 0.41-0.44 that wit-bindgen >= 0.45 enables by default
DEFAULT_IN_WB = {"bitflags", "async"}


def apply(ctx: StepContext) -> None:
    for unit, _node, opts in generate_calls(ctx):
        e = opts.get("runtime_path")
        if e is not None and e.value.string in ("wit_bindgen_rt", "::wit_bindgen_rt"):
            remove_entry(unit.src, unit.edits, e, ctx.step.id)


def _rename(container, key: str, value) -> None:
    """Put ``value`` under the key `wit-bindgen` where ``key`` stood (same position, same comment)."""
    target = container.value if isinstance(container, Table) else container
    target._replace(key, "wit-bindgen", value)


def _features(item) -> list[str]:
    if isinstance(item, (InlineTable, Table, dict)):
        f = item.get("features")
        return [str(x) for x in f] if f is not None else []
    return []


def manifest(ctx: ManifestContext) -> None:
    if is_cargo_component(ctx.data) or not wb_deps(ctx.data, RT):
        return  # its generated bindings need wit-bindgen-rt: wit-bindgen-0.45-cargo-component reports the migration
    patch = WIT_BINDGEN.newest_patch(ctx.target)
    for dep in wb_deps(ctx.doc, RT):
        line = ctx.line_of_key(dep.key)
        item = dep.item
        if dep.key != RT:
            ctx.report(line, f"`{dep.key}` is `wit-bindgen-rt` under another name; replace it by `wit-bindgen` "
                       "and rewrite `{dep.key.replace('-', '_')}::` paths to `wit_bindgen::rt::` by hand")
            continue
        if dep.workspace and dep.table != "workspace.dependencies":
            # `wit-bindgen-rt = { workspace = true }`: the workspace root entry is migrated on its own
            if any(d.table == dep.table for d in wb_deps(ctx.doc)):
                del dep.container[dep.key]
            else:
                _rename(dep.container, dep.key, item)
            ctx.changed = True
            continue
        if dep.is_git_or_path:
            ctx.report(line, "`wit-bindgen-rt` is a git/path dependency; replace it by `wit-bindgen` by hand")
            continue
        feats = _features(item)
        no_default = isinstance(item, (InlineTable, Table, dict)) and item.get("default-features") is False
        siblings = [d for d in wb_deps(ctx.doc) if d.table == dep.table]
        if siblings:
            # the crate already depends on wit-bindgen: drop the runtime crate, keep what it enabled
            wb = siblings[0]
            if default_features_off(wb):
                add_features(wb, [f for f in feats if f in DEFAULT_IN_WB])
            extra = [f for f in feats if f not in DEFAULT_IN_WB]
            if extra:
                add_features(wb, extra)
            del dep.container[dep.key]
            ctx.changed = True
            continue
        req = dep.requirement or ctx.target
        try:
            new_req = cargo.bump_requirement(req, ctx.target, patch)
        except Exception:  # noqa: BLE001 - odd requirement: use the target's newest patch
            new_req = patch or ctx.target
        keep = feats if no_default else [f for f in feats if f not in DEFAULT_IN_WB]
        parts = [f"version = {tomlkit.string(new_req).as_string()}"]
        if no_default:
            parts.append("default-features = false")
        if keep:
            parts.append("features = [" + ", ".join(tomlkit.string(f).as_string() for f in keep) + "]")
        if isinstance(item, Table):
            new = tomlkit.table()
            for p in parts:
                k, v = p.split(" = ", 1)
                new[k] = tomlkit.parse(f"x = {v}")["x"]
        elif len(parts) == 1:
            new = tomlkit.string(new_req)
        else:
            new = tomlkit.parse("x = { " + ", ".join(parts) + " }")["x"]
        if hasattr(item, "trivia") and hasattr(new, "trivia"):
            new.trivia.comment = item.trivia.comment
            new.trivia.comment_ws = item.trivia.comment_ws
        _rename(dep.container, dep.key, new)
        ctx.changed = True
        if "async" in feats and no_default:
            ctx.report(line, "`wit-bindgen` now also needs the `macros` feature for `generate!`", severity="info")


STEP = Step(
    id="wit-bindgen-0.45-rt-merge",
    family="wit-bindgen",
    from_version="0.44",
    to_version="0.45",
    safety=Safety.SAFE,
    title="Replace wit-bindgen-rt by wit-bindgen",
    summary="Replace the `wit-bindgen-rt` dependency by `wit-bindgen` (same features), drop "
            "`runtime_path: \"wit_bindgen_rt\"` and rewrite `wit_bindgen_rt::` paths to `wit_bindgen::rt::`.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1369",
    prefilter=(b"wit_bindgen_rt",),
    moves={"wit_bindgen_rt": "wit_bindgen::rt"},
    apply=apply,
    manifest=manifest,
    handles_crates=(RT,),
)
