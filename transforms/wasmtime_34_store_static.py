"""E34.2: `Store<T>`, `Linker<T>` and `LinkerInstance<T>` require `T: 'static`.

A type parameter of a fn, struct, enum or impl that is used as the data of one of these types
gets `+ 'static` on its declaration (review: callers with borrowed data must change too).
Store data written with lifetimes or references (`Store<State<'a>>`, `Linker<&mut X>`) cannot
be fixed by a rewrite and is reported.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.calls import COMMENTS
from wasm_codemod.rust.parse import path_segments, text, walk, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext
from wasm_codemod.wordsearch import word_search

DATA_TYPES = {("wasmtime", "Store"), ("wasmtime", "Linker"), ("wasmtime", "component", "Linker"),
              ("wasmtime", "component", "LinkerInstance"), ("wasmtime", "component", "InstancePre"),
              ("wasmtime", "Caller"), ("wasmtime", "StoreContextMut"), ("wasmtime", "StoreContext")}
# generic types of these names that are not wasmtime's are the project's wrappers over store data
# (`spin_core::Engine<T>` holding a `Linker<T>`, an `InstancePre<T>` alias): wasmtime's own `Engine`
# is not generic, so a generic `Engine<X>` in a wasmtime host carries store data
WRAPPER_NAMES = ("Engine", "InstancePre")
ITEMS = ("function_item", "struct_item", "enum_item", "impl_item")


def _data_arg(unit: RustUnit, targs: Node, aliases: dict[str, list[int]] | None = None
              ) -> tuple[str, list[Node], bool] | None:
    """For `Store<X>`-like type arguments: (the type's name, the data type nodes, is it wasmtime's).

    A wrapper with one type argument carries it as data; a local alias (`type InstancePre<T, U> =
    spin_core::InstancePre<State<T, U>>`) carries the arguments at the positions its own data uses."""
    parent = targs.parent
    if parent is None:
        return None
    head = None
    for c in parent.children:
        if c == targs:
            break
        if c.type not in ("::",):
            head = c
    if head is None:
        return None
    segs = tuple(path_segments(head))
    aliases = aliases or {}
    names = {p[-1] for p in DATA_TYPES} | set(WRAPPER_NAMES) | set(aliases)
    if not segs or segs[-1] not in names:
        return None
    full = unit.names.resolve(segs, head)
    args = [a for a in targs.named_children if a.type not in COMMENTS and a.type != "lifetime"]
    if not args:
        return None
    if full in DATA_TYPES:
        return segs[-1], [args[-1] if segs[-1] == "LinkerInstance" else args[0]], True
    if full[0] in ("wasmtime", "wasmtime_wasi"):
        return None
    if len(segs) == 1 and segs[0] in aliases:
        return segs[-1], [args[i] for i in aliases[segs[0]] if i < len(args)], False
    if segs[-1] in WRAPPER_NAMES and len(args) == 1:
        return segs[-1], args, False
    return None  # a wrapper with several parameters: which one is the data is not known


CONTEXT_TRAITS = {("wasmtime", "AsContext"), ("wasmtime", "AsContextMut")}


def _context_data(unit: RustUnit, targs: Node) -> tuple[str, list[Node], bool] | None:
    """`impl AsContextMut<Data = T>` / `S: AsContext<Data = T>`: at 34 the traits' `type Data: 'static`."""
    binds = [b for b in targs.named_children if b.type == "type_binding"]
    data = [b.child_by_field_name("type") for b in binds if text(b.child_by_field_name("name") or b) == "Data"]
    head = targs.parent.child_by_field_name("type") if targs.parent is not None else None
    if not data or data[0] is None or head is None:
        return None
    segs = tuple(path_segments(head))
    if not segs or segs[-1] not in ("AsContext", "AsContextMut"):
        return None
    if unit.names.resolve(segs, head) not in CONTEXT_TRAITS:
        return None
    return segs[-1], [data[0]], True


_GENERIC_ALIAS = re.compile(rb"type\s+(r#)?\w+\s*<")  # searched as a word


def _aliases(units: list[RustUnit]) -> dict[str, list[int]]:
    """`type Name<A, B> = X<Data<..B..>>` with X store data (wasmtime's or a wrapper): Name -> positions
    of the parameters the data uses (those must be `'static` where the alias is used)."""
    out: dict[str, list[int]] = {}
    for unit in units:
        # only generic aliases count (`type Name<..> = ..`): a file without one is not parsed for this
        if word_search(_GENERIC_ALIAS, unit.src.data) is None:
            continue
        for n in walk_types(unit.src.root, ("type_item",)):
            name, tps, value = (n.child_by_field_name(f) for f in ("name", "type_parameters", "type"))
            if name is None or tps is None or value is None or value.type != "generic_type":
                continue
            targs = value.child_by_field_name("type_arguments")
            found = _data_arg(unit, targs) if targs is not None else None
            if found is None:
                continue
            params = [text(p.child_by_field_name("name") or p) for p in tps.named_children
                      if p.type in ("type_parameter", "type_identifier", "constrained_type_parameter")]
            used = {nm for d in found[1] for nm in ([text(d)] if d.type == "type_identifier" else _bare_type_names(d))}
            out[text(name)] = [i for i, p in enumerate(params) if p in used]
    return out


def _bare_type_names(ty: Node) -> list[str]:
    """Type names inside ``ty`` that stand alone (`U` in `State<T::Data, U>`), not heads of generic or
    scoped types (`State`, `T` of `T::Data`: an associated type's bound is not the parameter's)."""
    out = []
    for n in walk(ty):
        if n.type != "type_identifier" or n.parent is None:
            continue
        if n.parent.type in ("scoped_type_identifier", "scoped_identifier", "qualified_type") or \
                (n.parent.type == "generic_type" and n.parent.child_by_field_name("type") == n):
            continue
        out.append(text(n))
    return out


def _has_lifetime(ty: Node) -> bool:
    if ty.type == "reference_type" and not any(c.type == "lifetime" for c in ty.children):
        return True  # an elided lifetime
    return any(n.type == "lifetime" and text(n) != "'static" for n in walk(ty))


def apply(ctx: StepContext) -> None:
    aliases = _aliases(ctx.crate_files or ctx.units)
    for unit in ctx.units:
        done: set[tuple[int, str]] = set()
        for targs in walk_types(unit.src.root, ("type_arguments",)):
            if (targs.parent is not None and targs.parent.parent is not None
                    and targs.parent.parent.type == "type_item"
                    and targs.parent.parent.child_by_field_name("type") == targs.parent):
                continue  # an alias's own definition: its parameters are bounded where it is used
            found = _data_arg(unit, targs, aliases) or _context_data(unit, targs)
            if found is None:
                continue
            kind, datas, ours = found
            for data in datas:
                _one(ctx, unit, targs, kind, data, ours, done)


def _one(ctx: StepContext, unit: RustUnit, targs: Node, kind: str, data: Node, ours: bool,
         done: set[tuple[int, str]]) -> None:
    if _has_lifetime(data):
        if not ours:
            return  # the wrapper may well take borrowed data: only wasmtime's own types are reported
        ctx.report(unit, data, f"`{kind}<{text(data)}>`: from wasmtime 34 the store data must be "
                   "`'static`; replace the borrowed data by owned data (e.g. `Arc<...>` or a clone) "
                   "and drop the lifetime")
        return
    if data.type == "type_identifier":
        _require_static(ctx, unit, targs, text(data), done)
        return
    # `Store<State<T, U>>`: each type parameter inside the data must be `'static` too
    for name in _bare_type_names(data):
        _require_static(ctx, unit, targs, name, done)


def _require_static(ctx: StepContext, unit: RustUnit, at: Node, name: str, done: set[tuple[int, str]]) -> None:
    item = at.parent
    while item is not None:
        if item.type in ITEMS:
            decl = _declaration(item, name)
            if decl is not None:
                key = (decl.start_byte, name)
                if key in done:
                    return
                done.add(key)
                if _add_static(ctx, unit, item, decl, name) and item.type in ("struct_item", "enum_item"):
                    _impls_follow(ctx, unit, item, decl, done)
                return
        item = item.parent


def _declaration(item: Node, name: str) -> Node | None:
    tps = item.child_by_field_name("type_parameters")
    for p in (tps.named_children if tps is not None else []):
        if p.type == "type_identifier" and text(p) == name:
            return p
        if p.type in ("constrained_type_parameter", "type_parameter"):
            left = p.child_by_field_name("left") or p.child_by_field_name("name")
            if left is not None and text(left) == name:
                return p
    return None


def _where_bounds(item: Node, name: str) -> Node | None:
    for c in item.children:
        if c.type != "where_clause":
            continue
        for pred in c.named_children:
            if pred.type != "where_predicate":
                continue
            left = pred.child_by_field_name("left")
            bounds = pred.child_by_field_name("bounds")
            if left is not None and bounds is not None and text(left) == name:
                return bounds
    return None


def _impls_follow(ctx: StepContext, unit: RustUnit, item: Node, decl: Node, done: set[tuple[int, str]]) -> None:
    """The impls of a struct whose parameter got `'static` must say so too."""
    nm = item.child_by_field_name("name")
    tps = item.child_by_field_name("type_parameters")
    if nm is None or tps is None:
        return
    skip = (*COMMENTS, "lifetime", "lifetime_parameter")
    params = [p for p in tps.named_children if p.type not in skip]
    index = next((i for i, p in enumerate(params) if p == decl), None)
    if index is None:
        return
    for impl in walk_types(unit.src.root, ("impl_item",)):
        ty = impl.child_by_field_name("type")
        if ty is None or ty.type != "generic_type":
            continue
        base = ty.child_by_field_name("type")
        targs = ty.child_by_field_name("type_arguments")
        if base is None or targs is None or text(base).rsplit("::", 1)[-1] != text(nm):
            continue
        args = [a for a in targs.named_children if a.type not in COMMENTS and a.type != "lifetime"]
        if index < len(args) and args[index].type == "type_identifier":
            name = text(args[index])
            d = _declaration(impl, name)
            if d is not None and (d.start_byte, name) not in done:
                done.add((d.start_byte, name))
                _add_static(ctx, unit, impl, d, name)


def _add_static(ctx: StepContext, unit: RustUnit, item: Node, decl: Node, name: str) -> bool:
    bounds = decl.child_by_field_name("bounds")
    wbounds = _where_bounds(item, name)
    if any(b is not None and "'static" in text(b) for b in (bounds, wbounds)):
        return False
    if bounds is not None:
        ctx.insert(unit, bounds.end_byte, " + 'static")
    elif wbounds is not None:
        ctx.insert(unit, wbounds.end_byte, " + 'static")
    elif decl.type == "type_identifier" or decl.child_by_field_name("name") is not None:
        # `U = ()` -> `U: 'static = ()`
        ctx.insert(unit, decl.end_byte if decl.type == "type_identifier" else decl.child_by_field_name("name").end_byte,
                   ": 'static")
    else:
        ctx.report(unit, decl, f"add `'static` to the bounds of `{name}` (it is used as wasmtime store data)")
        return False
    what = {"function_item": "fn", "struct_item": "struct", "enum_item": "enum", "impl_item": "impl"}[item.type]
    ctx.report(unit, decl, f"added `'static` to `{name}` of this {what}: wasmtime 34 requires it for store data; "
               "callers that pass borrowed data must change too", "review")
    return True


STEP = Step(
    id="wasmtime-34-store-static",
    family="wasmtime",
    from_version="33",
    to_version="34",
    safety=Safety.REVIEW,
    title="Require 'static store data",
    summary="Add `+ 'static` to type parameters used as `Store`/`Linker` data; report store data with lifetimes.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10760",
    # the data types and the wrappers/aliases that carry store data (see WRAPPER_NAMES, _aliases)
    prefilter=(b"Store<", b"Linker<", b"LinkerInstance<", b"Store::<", b"Linker::<", b"InstancePre<",
               b"Caller<", b"StoreContext", b"Engine<"),
    apply=apply,
    units_only=True,
)
