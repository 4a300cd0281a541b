"""E34.1: generated `add_to_linker` takes `D: HasData`; call sites get `::<_, HasSelf<_>>`."""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._code_in_strings import report_in_strings

HAS_SELF = "wasmtime::component::HasSelf"
# add_to_linker functions of these crates take no closure and are unchanged by E34.1
NOT_GENERATED = ("wasmtime_wasi", "wasmtime_wasi_http", "wasmtime_wasi_io", "wasmtime_wasi_nn",
                 "wasmtime_wasi_config", "wasmtime_wasi_keyvalue", "wasmtime_wasi_tls", "wasmtime")


VALUE_HINT = ("from wasmtime 34 {what} where the function is passed as a value: write "
              "`{p}::add_to_linker::<_, D>` with "
              "`D = wasmtime::component::HasSelf<H>` when the getter returns `&mut H`, or a "
              "`struct D; impl HasData for D {{ type Data<'a> = ...; }}` naming what the getter returns")


OWN_FN = re.compile(rb"\bfn\s+add_to_linker\b")
IN_STRINGS = re.compile(r"::add_to_linker\s*\(\s*[\w&*. ]+,\s*\|")


def apply(ctx: StepContext) -> None:
    report_in_strings(ctx, IN_STRINGS, "calls a generated `add_to_linker(linker, |..| ..)`: from wasmtime 34 "
                      "write `add_to_linker::<_, HasSelf<_>>(..)` (and import `wasmtime::component::HasSelf`) "
                      "when the getter returns `&mut` of the store data, or name a `HasData` type", b"add_to_linker")
    _report_values(ctx)
    if not any(b"bindgen!" in u.src.data for u in ctx.crate_files):
        return  # no generated bindings in this crate: nothing of ours calls a generated add_to_linker
    own = _handwritten_owners(ctx.units)
    wiggle = _wiggle_modules(ctx.crate_files or ctx.units)
    for unit in ctx.units:
        for call in walk_types(unit.src.root, ("call_expression",)):
            fn = call.child_by_field_name("function")
            if fn is None:
                continue
            if fn.type == "scoped_identifier":
                name = fn.child_by_field_name("name")
                if name is None:
                    continue
                if text(name) == "add_to_linker_get_host":
                    ctx.report(unit, call, "`add_to_linker_get_host` was removed: call `add_to_linker::<_, D>` "
                               "with a type `D` that implements `wasmtime::component::HasData`")
                    continue
                if text(name) != "add_to_linker" or _is_library_call(ctx, unit, fn):
                    continue
                qualifier = fn.child_by_field_name("path")
                if qualifier is not None and text(qualifier).split("::")[-1] in own:
                    continue  # the project's own `fn add_to_linker` (beside a bindgen!, not made by it)
                if qualifier is not None and any(seg in wiggle for seg in text(qualifier).split("::")):
                    continue  # a module of wiggle's from_witx! output (`wiggle_abi::fastly_abi::add_to_linker`)
                _rewrite(ctx, unit, call, name)


def _report_values(ctx: StepContext) -> None:
    """`ctx.link(bindings::x::add_to_linker)`: the generated fn handed over as a value (the bindings may
    live in another crate of the workspace, so no `bindgen!` is required here)."""
    own = _handwritten_owners(ctx.crate_files or ctx.units)
    for unit in ctx.units:
        if b"add_to_linker" not in unit.src.data:
            continue
        for n in walk_types(unit.src.root, ("scoped_identifier",)):
            if n.parent is None:
                continue
            name, qualifier = n.child_by_field_name("name"), n.child_by_field_name("path")
            if name is None or qualifier is None or text(name) not in ("add_to_linker", "add_to_linker_get_host"):
                continue
            parent = n.parent
            if parent.type == "call_expression" and parent.child_by_field_name("function") == n:
                continue  # a call: handled below
            if parent.type in ("scoped_identifier", "generic_function") or _in_use(n):
                continue  # `::<..>` already given, or part of a longer path / an import
            if text(name) == "add_to_linker" and (_is_library_call(ctx, unit, n)
                                                 or text(qualifier).split("::")[-1] in own):
                continue
            what = ("`add_to_linker_get_host` is gone and `add_to_linker` takes a type parameter `D: HasData` "
                    "that cannot be inferred" if text(name) == "add_to_linker_get_host" else
                    "a generated `add_to_linker` takes a second type parameter `D: HasData` that cannot be "
                    "inferred")
            ctx.report(unit, n, VALUE_HINT.format(what=what, p=text(qualifier)))


def _in_use(n: Node) -> bool:
    p = n.parent
    while p is not None:
        if p.type == "use_declaration":
            return True
        if p.type in ("function_item", "block", "source_file"):
            return False
        p = p.parent
    return False


def _handwritten_owners(units: list[RustUnit]) -> set[str]:
    """Modules (file or inline) and types whose `add_to_linker` is written in the source: bindgen!
    output is never in the source, so calls through these names are not to generated code."""
    owners: set[str] = set()
    for u in units:
        if not OWN_FN.search(u.src.data):
            continue  # token check first: a file without the fn is never parsed
        stem = u.path.rsplit("/", 1)[-1].removesuffix(".rs")
        if stem == "mod":
            stem = u.path.rsplit("/", 2)[-2] if u.path.count("/") else stem
        for n in walk_types(u.src.root, ("function_item",)):
            nm = n.child_by_field_name("name")
            if nm is None or text(nm) != "add_to_linker":
                continue
            holder = n.parent
            if holder is None:
                continue
            if holder.type == "source_file":
                owners.add(stem)
            elif holder.type == "declaration_list" and holder.parent is not None:
                owner = holder.parent
                if owner.type == "mod_item":
                    mname = owner.child_by_field_name("name")
                    if mname is not None:
                        owners.add(text(mname))
                elif owner.type == "impl_item" and owner.child_by_field_name("trait") is None:
                    ty = owner.child_by_field_name("type")
                    if ty is not None:
                        base = ty.child_by_field_name("type") if ty.type == "generic_type" else ty
                        owners.add(text(base or ty).split("::")[-1])
    return owners


def _wiggle_modules(units: list[RustUnit]) -> set[str]:
    """Modules holding a `wiggle::from_witx!`: their `add_to_linker(linker, get_cx)` is wiggle's
    (`<T, U>` with an `impl Fn` argument, no `HasData`), not bindgen's."""
    out: set[str] = set()
    for u in units:
        if b"from_witx" not in u.src.data:
            continue
        for n in walk_types(u.src.root, ("macro_invocation",)):
            if not text(n).split("!", 1)[0].endswith("from_witx"):
                continue
            holder = n.parent
            while holder is not None and holder.type not in ("mod_item", "source_file"):
                holder = holder.parent
            if holder is not None and holder.type == "mod_item" and holder.child_by_field_name("name") is not None:
                out.add(text(holder.child_by_field_name("name")))
            else:
                stem = u.path.rsplit("/", 1)[-1].removesuffix(".rs")
                out.add(u.path.rsplit("/", 2)[-2] if stem == "mod" and u.path.count("/") else stem)
    return out


def _is_library_call(ctx: StepContext, unit: RustUnit, fn: Node) -> bool:
    from wasm_codemod.rust.names import path_of

    segs = path_of(fn)
    if segs is None:
        return True
    full = unit.names.resolve(segs, fn)
    return full[0] in NOT_GENERATED


def _rewrite(ctx: StepContext, unit: RustUnit, call: Node, name: Node) -> None:
    args = call.child_by_field_name("arguments")
    arg_nodes = [a for a in (args.named_children if args else []) if a.type not in ("line_comment", "block_comment")]
    if len(arg_nodes) != 2:
        return  # not the generated (linker, getter) form
    getter = arg_nodes[1]
    if getter.type == "closure_expression":
        body = getter.child_by_field_name("body")
        if body is not None and body.type == "block":
            inner = [c for c in body.named_children if c.type not in ("line_comment", "block_comment")]
            body = inner[0] if len(inner) == 1 else None
        ok = body is not None and (body.type in ("identifier", "self") or
                                   (body.type == "reference_expression" and text(body).startswith("&mut")))
        if not ok:
            ctx.report(unit, call, "the getter does not return `&mut` of the store data; define "
                       "`struct D; impl HasData for D { type Data<'a> = ...; }` and call `add_to_linker::<_, D>`")
            return
        if getter.child_by_field_name("parameters") is not None and "move" in text(getter).split("|")[0]:
            ctx.report(unit, call, "a `move` closure may capture its environment; the getter must be a plain "
                       "`fn` pointer from wasmtime 34")
            return
    has_self = ctx.import_name(unit, HAS_SELF, call)
    ctx.insert(unit, name.end_byte, f"::<_, {has_self}<_>>")


STEP = Step(
    id="wasmtime-34-has-data",
    family="wasmtime",
    from_version="33",
    to_version="34",
    safety=Safety.SAFE,
    title="Pass HasSelf to generated add_to_linker",
    summary="Insert `::<_, HasSelf<_>>` into calls of bindgen-generated `add_to_linker` and import `HasSelf`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10770",
    prefilter=(b"add_to_linker",),
    apply=apply,
)
