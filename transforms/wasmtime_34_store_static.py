"""E34.2: `Store<T>`, `Linker<T>` and `LinkerInstance<T>` require `T: 'static`.

A type parameter of a fn, struct, enum or impl that is used as the data of one of these types
gets `+ 'static` on its declaration (review: callers with borrowed data must change too).
Store data written with lifetimes or references (`Store<State<'a>>`, `Linker<&mut X>`) cannot
be fixed by a rewrite and is reported.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.calls import COMMENTS
from wasm_codemod.rust.parse import path_segments, text, walk, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

DATA_TYPES = {("wasmtime", "Store"), ("wasmtime", "Linker"), ("wasmtime", "component", "Linker"),
              ("wasmtime", "component", "LinkerInstance"), ("wasmtime", "component", "InstancePre"),
              ("wasmtime", "Caller"), ("wasmtime", "StoreContextMut"), ("wasmtime", "StoreContext")}
# generic types of these names that are not wasmtime's are the project's wrappers over store data
# (`spin_core::Engine<T>` holding a `Linker<T>`, an `InstancePre<T>` alias): wasmtime's own `Engine`
# is not generic, so a generic `Engine<X>` in a wasmtime host carries store data
WRAPPER_NAMES = ("Engine", "InstancePre")
ITEMS = ("function_item", "struct_item", "enum_item", "impl_item")


def _data_arg(unit: RustUnit, targs: Node) -> tuple[str, Node, bool] | None:
    """For `Store<X>`-like type arguments: (the type's name, the data type node X, is it wasmtime's)."""
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
    names = {p[-1] for p in DATA_TYPES} | set(WRAPPER_NAMES)
    if not segs or segs[-1] not in names:
        return None
    full = unit.names.resolve(segs, head)
    if full not in DATA_TYPES and (segs[-1] not in WRAPPER_NAMES or full[0] in ("wasmtime", "wasmtime_wasi")):
        return None
    args = [a for a in targs.named_children if a.type not in COMMENTS and a.type != "lifetime"]
    if not args:
        return None
    return segs[-1], args[-1] if segs[-1] == "LinkerInstance" else args[0], full in DATA_TYPES


def _bare_type_names(ty: Node) -> list[str]:
    """Type names inside ``ty`` that stand alone (`U` in `State<T::Data, U>`), not heads of generic or
    scoped types (`State`, `T` of `T::Data`: an associated type's bound is not the parameter's)."""
    out = []
    for n in walk(ty):
        if n.type != "type_identifier" or n.parent is None:
            continue
        if n.parent.type in ("scoped_type_identifier", "scoped_identifier") or \
                (n.parent.type == "generic_type" and n.parent.child_by_field_name("type") == n):
            continue
        out.append(text(n))
    return out


def _has_lifetime(ty: Node) -> bool:
    if ty.type == "reference_type" and not any(c.type == "lifetime" for c in ty.children):
        return True  # an elided lifetime
    return any(n.type == "lifetime" and text(n) != "'static" for n in walk(ty))


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        done: set[tuple[int, str]] = set()
        for targs in walk_types(unit.src.root, ("type_arguments",)):
            found = _data_arg(unit, targs)
            if found is None:
                continue
            kind, data, ours = found
            if _has_lifetime(data):
                if not ours:
                    continue  # the wrapper may well take borrowed data: only wasmtime's own types are reported
                ctx.report(unit, data, f"`{kind}<{text(data)}>`: from wasmtime 34 the store data must be "
                           "`'static`; replace the borrowed data by owned data (e.g. `Arc<...>` or a clone) "
                           "and drop the lifetime")
                continue
            if data.type == "type_identifier":
                _require_static(ctx, unit, targs, text(data), done)
                continue
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
    prefilter=(b"Store<", b"Linker<", b"LinkerInstance<", b"Store::<", b"Linker::<"),
    apply=apply,
)
