"""B2/B3: `async: { imports: [..], exports: [..] }` became a filter list; WIT `async func` is async by default."""

from __future__ import annotations

from wasm_codemod.rust.guest import WitInfo, generate_calls, wit_info, wit_roots
from wasm_codemod.rust.macro_options import MacroOptions, add_entry, replace_value
from wasm_codemod.transform import Safety, Step, StepContext

from ._guest import rust_string


def _world_of(opts) -> str | None:
    if opts.shorthand is not None:
        return opts.shorthand[0]
    w = opts.get("world")
    return w.value.string if w is not None else None


def _wit(ctx: StepContext, opts: MacroOptions) -> WitInfo | None:
    root = ctx.inputs.dir
    inline = opts.get("inline")
    inline_text = inline.value.string if inline is not None and inline.value.kind == "string" else None
    if root is None and inline_text is None:
        return None
    roots = wit_roots(opts, root, exists=lambda p: ctx.wit_files(p) is not None) if root else []
    return wit_info(roots, ctx.wit_files, inline_text)


def _sides(info: WitInfo, world: str | None) -> tuple[set[str], set[str]]:
    imports: set[str] = set()
    exports: set[str] = set()
    for w in info.worlds:
        if world is None or w.name == world or world.endswith("/" + w.name) or world.endswith(":" + w.name):
            imports.update(w.imports)
            exports.update(w.exports)
    return imports, exports


def apply(ctx: StepContext) -> None:
    for unit, node, opts in generate_calls(ctx):
        entry = opts.get("async")
        info = _wit(ctx, opts)
        async_funcs = [f for f in (info.funcs if info else []) if f.is_async]
        if entry is None:
            if async_funcs:
                names = ", ".join(f"`{f.key}`" for f in async_funcs[:3])
                add_entry(unit.src, unit.edits, opts.options, "async: false", ctx.step.id)
                ctx.report(unit, node, f"the WIT declares `async func` ({names}); wit-bindgen 0.41 gave them sync "
                           "bindings and so does the inserted `async: false`. Delete it to get `async fn` bindings "
                           "(then make the impls async)", severity="review")
            continue
        v = entry.value
        if v.kind != "map":
            continue  # `async: true|false` (or already a list) means the same in 0.42
        items: list[str] = []
        listed: set[str] = set()
        ok = True
        for e in v.entries:
            side = {"imports": "import", "exports": "export"}.get(e.key)
            if side is None or e.value.kind != "list" or any(x.kind != "string" for x in e.value.items):
                ok = False
                break
            for x in e.value.items:
                items.append(f"{side}:{x.string}")
                listed.add(f"{side}:{x.string}")
        if not ok:
            ctx.report(unit, entry.start, "`async:` has a shape this tool does not know; rewrite it as a list "
                       "`async: [\"import:<key>#<func>\", \"export:<key>#<func>\"]` by hand")
            continue
        # WIT `async func`s not listed were sync in 0.41: keep them sync
        if info is not None:
            imports, exports = _sides(info, _world_of(opts))
            for f in async_funcs:
                iface = f.key.split("#", 1)[0] if "#" in f.key else None
                for side, keys in (("import", imports), ("export", exports)):
                    if iface in keys and f"{side}:{f.key}" not in listed:
                        items.append(f"-{side}:{f.key}")
        multiline = "\n" in v.text
        if multiline:
            indent = unit.src.indent_at(entry.start)
            inner = indent + "    "
            text = "[\n" + "".join(f"{inner}{rust_string(s)},\n" for s in items) + f"{indent}]"
        else:
            text = "[" + ", ".join(rust_string(s) for s in items) + "]"
        replace_value(unit.src, unit.edits, v, text, ctx.step.id)


STEP = Step(
    id="wit-bindgen-0.42-async-filters",
    family="wit-bindgen",
    from_version="0.41",
    to_version="0.42",
    safety=Safety.REVIEW,
    title="Rewrite the async option as a filter list",
    summary="Turn `async: { imports: [..], exports: [..] }` into `async: [\"import:..\", \"export:..\"]`, keep "
            "unlisted WIT `async func`s sync, and insert `async: false` where the WIT has `async func` but the "
            "macro had no `async:` option.",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1278",
    prefilter=(b"generate!",),
    apply=apply,
)
