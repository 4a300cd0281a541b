"""B63.1: the `async:` option of `generate!` was removed at 0.63; `sync:` opts WIT-async functions out."""

from __future__ import annotations

from wasm_codemod.rust.guest import WitFunc, generate_calls
from wasm_codemod.rust.macro_options import remove_entry
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

from ._guest import rust_string
from .wit_bindgen_0_42_async_filters import _sides, _wit, _world_of


def _parse(item: str) -> tuple[bool, str | None, str]:
    """(negated, side or None, name) of a filter entry."""
    neg = item.startswith("-")
    s = item[1:] if neg else item
    for side in ("import", "export"):
        if s.startswith(side + ":"):
            return neg, side, s[len(side) + 1:]
    return neg, None, s


def _matches(entry: tuple[bool, str | None, str], side: str, f: WitFunc) -> bool:
    _, eside, name = entry
    if eside is not None and eside != side:
        return False
    return name == "all" or name == f.plain_key


def _rust_name(f: WitFunc) -> str:
    name = f.plain_key.split("#", 1)[-1]
    if name.startswith("["):
        name = name.split("]", 1)[1].split(".", 1)[-1]
    return name.replace("-", "_")


def _make_sync(ctx: StepContext, funcs: list[tuple[str, WitFunc]], where) -> list[str]:
    """Rewrite `async fn` impls of the exports in ``funcs`` to sync ones; return what was not found."""
    missing = []
    for side, f in funcs:
        if side == "import":
            missing.append(f"import `{f.plain_key}`: its calls return a value now, remove their `.await`")
            continue
        name = _rust_name(f)
        found = False
        for unit in ctx.units:
            for fn in walk_types(unit.src.root, ("function_item",)):
                if fn.parent is None or fn.parent.type != "declaration_list":
                    continue
                impl = fn.parent.parent
                if impl is None or impl.type != "impl_item" or impl.child_by_field_name("trait") is None:
                    continue
                trait = text(impl.child_by_field_name("trait")).split("::")[-1]
                fname = fn.child_by_field_name("name")
                if not trait.startswith("Guest") or fname is None or text(fname) != name:
                    continue
                mods = next((c for c in fn.children if c.type == "function_modifiers"), None)
                body = fn.child_by_field_name("body")
                if mods is None or "async" not in text(mods) or body is None:
                    continue
                data = unit.src.data
                a = mods.start_byte
                b = a + data[a:mods.end_byte].find(b"async") + len(b"async")
                while data[b:b + 1] == b" ":
                    b += 1
                ctx.replace(unit, (a + data[a:mods.end_byte].find(b"async"), b), "")
                indent = unit.src.indent_at(fn.start_byte)
                inner = text(body)
                reindented = inner.replace("\n", "\n    ")
                ctx.replace(unit, body, f"{{\n{indent}    wit_bindgen::block_on(async move {reindented})\n{indent}}}")
                ctx.report(unit, fn, f"`{f.plain_key}` is not `async` in WIT, and wit-bindgen 0.63 can no longer "
                           "make it async: the impl is now sync and runs its body with `wit_bindgen::block_on`. "
                           "Declare it `async func` in WIT instead if callers should not block", severity="review")
                found = True
        if not found:
            missing.append(f"export `{f.plain_key}`: make its `async fn` impl a plain `fn`")
    return missing


def apply(ctx: StepContext) -> None:
    for unit, node, opts in generate_calls(ctx):
        entry = opts.get("async")
        if entry is None:
            continue
        v = entry.value
        info = _wit(ctx, opts)
        world = _world_of(opts)
        funcs: list[tuple[str, WitFunc]] = []
        if info is not None:
            imports, exports = _sides(info, world)
            for f in info.funcs:
                iface = f.plain_key.split("#", 1)[0] if "#" in f.plain_key else None
                for side, keys in (("import", imports), ("export", exports)):
                    if iface is None or iface in keys:
                        funcs.append((side, f))
        if v.kind == "bool":
            if v.text == "false":
                ctx.replace(unit, (entry.start, entry.end), "sync: true")
                continue
            forced = [(s, f) for s, f in funcs if not f.is_async]
            remove_entry(unit.src, unit.edits, entry, ctx.step.id)
            left = _make_sync(ctx, forced, node) if forced else []
            ctx.report(unit, node, "`async: true` was removed: only functions that are `async` in WIT get async "
                       "bindings now" + ("; " + "; ".join(left) if left else ""), severity="review")
            continue
        if v.kind != "list" or any(x.kind != "string" for x in v.items):
            ctx.report(unit, entry.start, "the `async:` option was removed in wit-bindgen 0.63: replace it by "
                       "`sync: [..]` listing the WIT-async functions that must stay sync")
            continue
        parsed = [_parse(x.string or "") for x in v.items]
        pos = [p for p in parsed if not p[0]]
        neg = [p for p in parsed if p[0]]
        neg_all = [p for p in neg if p[2] == "all"]
        sync: list[str] = [(f"{p[1]}:" if p[1] else "") + p[2] for p in neg if p[2] != "all"]
        if neg_all and not pos and len(neg_all) == len(neg):
            ctx.replace(unit, (entry.start, entry.end), "sync: true")
            continue
        if neg_all:
            if info is None:
                ctx.report(unit, entry.start, "`async: [.., \"-all\"]` needs the WIT to be rewritten; list the "
                           "WIT-async functions that must stay sync in `sync: [..]` by hand")
                continue
            for side, f in funcs:
                if f.is_async and not any(_matches(p, side, f) for p in pos) and \
                        not any(_matches(p, side, f) for p in neg if p[2] != "all"):
                    sync.append(f"{side}:{f.plain_key}")
        forced = []
        for p in pos:
            if p[2] == "all":
                forced += [(s, f) for s, f in funcs if not f.is_async and (p[1] is None or p[1] == s)]
                continue
            hits = [(s, f) for s, f in funcs if _matches(p, s, f)]
            if info is None or not hits:
                ctx.report(unit, entry.start, f"cannot tell from the WIT whether `{p[2]}` is `async`; if it is "
                           "not, its bindings become sync in 0.63 and the impl must be a plain `fn`")
                continue
            forced += [(s, f) for s, f in hits if not f.is_async]
        left = _make_sync(ctx, forced, node) if forced else []
        for msg in left:
            ctx.report(unit, entry.start, f"wit-bindgen 0.63 can no longer make a WIT-sync function async: {msg}")
        if sync:
            multiline = "\n" in v.text
            if multiline:
                indent = unit.src.indent_at(entry.start)
                body = "".join(f"{indent}    {rust_string(s)},\n" for s in sync)
                new = f"sync: [\n{body}{indent}]"
            else:
                new = "sync: [" + ", ".join(rust_string(s) for s in sync) + "]"
            ctx.replace(unit, (entry.start, entry.end), new)
        else:
            remove_entry(unit.src, unit.edits, entry, ctx.step.id)


STEP = Step(
    id="wit-bindgen-0.63-sync-option",
    family="wit-bindgen",
    from_version="0.62",
    to_version="0.63",
    safety=Safety.REVIEW,
    title="Replace the async option by sync",
    summary="Rewrite `async: false` to `sync: true`, negated `async:` entries to `sync:` entries, drop entries "
            "that name WIT-async functions, and make the impls of WIT-sync exports that were forced async sync "
            "again (`block_on`).",
    upstream="https://crates.io/crates/wit-bindgen/0.63.0",
    prefilter=(b"async",),
    apply=apply,
)
