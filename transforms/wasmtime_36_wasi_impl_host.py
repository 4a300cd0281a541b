"""E36.1 (hand-written host impls): `WasiImpl<T>` is gone; its host traits are implemented for `WasiCtxView<'_>`.

35: `impl<T> x::Host for WasiImpl<T> where T: WasiView { .. }`, forwarding to the io traits through
`&mut self.0` (an `IoImpl<T>`), to the random traits through `self`, and `self.table()` / `self.ctx()`.
36: `impl x::Host for WasiCtxView<'_> { .. }`: `self.table` / `self.ctx` are fields, the io host traits
are implemented for `ResourceTable` (pass `self.table`) and the random ones for `WasiRandomCtx`
(`self.ctx.random()`, 36.0.2+). Free fns `fn f<T: WasiView>(v: &mut WasiImpl<T>)` take
`&mut WasiCtxView<'_>`. An impl or fn that uses `T` for anything else is reported, not rewritten.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi import WASI_VIEW, paths

WASI_IMPL = paths("wasmtime_wasi::p2::WasiImpl", "wasmtime_wasi::WasiImpl")
IO_IMPL = paths("wasmtime_wasi::p2::IoImpl", "wasmtime_wasi::IoImpl", "wasmtime_wasi_io::IoImpl")
CTX_VIEW = "wasmtime_wasi::WasiCtxView"
# where the p2 random host traits live, as written after a bindings root (`latest::random::random::Host`)
RANDOM_TRAITS = ("random::random::Host", "random::insecure::Host", "random::insecure_seed::Host")
BINDINGS_ROOTS = (("wasmtime_wasi", "p2", "bindings"), ("wasmtime_wasi", "bindings"))
# zero-argument methods of the old view traits that are plain fields of WasiCtxView
VIEW_FIELDS = {"table": "table", "ctx": "ctx"}


def apply(ctx: StepContext) -> None:
    rewritten: list[tuple[RustUnit, Node]] = []  # bodies now on WasiCtxView
    helpers: list[tuple[RustUnit, Node, Node]] = []  # fns with a `view: impl WasiView` parameter
    for unit in ctx.units:
        if b"WasiImpl" not in unit.src.data and b"IoImpl" not in unit.src.data:
            continue
        roots = _glob_modules(unit)
        for n in walk_types(unit.src.root, ("call_expression", "impl_item", "function_item")):
            if n.type == "call_expression":
                _http_impl_ctor(ctx, unit, n)
            if n.type == "impl_item":
                body = _impl(ctx, unit, n, roots)
                if body is not None:
                    rewritten.append((unit, body))
            elif n.type == "function_item":
                _free_fn(ctx, unit, n)
                p = _impl_view_param(ctx, unit, n)
                if p is not None:
                    helpers.append((unit, n, p))
    for unit, fn, param in helpers:
        _view_helper(ctx, unit, fn, param, rewritten)


def _impl(ctx: StepContext, unit: RustUnit, impl: Node, roots: dict[str, tuple[str, ...]]) -> Node | None:
    ty = impl.child_by_field_name("type")
    trait = impl.child_by_field_name("trait")
    body = impl.child_by_field_name("body")
    param = _wasi_impl_param(ctx, unit, ty)
    if param is None or trait is None or body is None:
        return None
    if not _only_view_bound(ctx, unit, impl, param):
        ctx.report(unit, ty, f"`WasiImpl` was removed: implement this trait for `WasiCtxView<'_>` instead (the "
                   f"wasmtime-wasi host traits are implemented for it); `{param}` has bounds other than "
                   "`WasiView`, so the tool left it")
        return None
    if _mentions(body, param) or _mentions(trait, param):
        ctx.report(unit, ty, f"`WasiImpl` was removed: implement this trait for `WasiCtxView<'_>`; the body uses "
                   f"`{param}` itself, so rewrite it by hand")
        return None
    name = ctx.import_name(unit, CTX_VIEW, impl)
    tp = impl.child_by_field_name("type_parameters")
    start = tp.start_byte if tp is not None else trait.start_byte
    lead = " " if tp is not None else ""
    ctx.replace(unit, (start, body.start_byte), f"{lead}{text(trait)} for {name}<'_> ")
    _rewrite_self_uses(ctx, unit, body, "self", roots)
    return body


WASI_HTTP_IMPL = paths("wasmtime_wasi_http::WasiHttpImpl", "wasmtime_wasi_http::types::WasiHttpImpl")


def _http_impl_ctor(ctx: StepContext, unit: RustUnit, call: Node) -> None:
    """`WasiHttpImpl(IoImpl(x))` -> `WasiHttpImpl(x)`: at 36 `WasiHttpImpl<T>` wraps `T` itself."""
    f, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    if f is None or args is None or ctx.resolves_to(unit, f, WASI_HTTP_IMPL) is None:
        return
    named = [a for a in args.named_children]
    if len(named) != 1 or named[0].type != "call_expression":
        return
    g, inner = named[0].child_by_field_name("function"), named[0].child_by_field_name("arguments")
    if g is None or inner is None or ctx.resolves_to(unit, g, IO_IMPL) is None:
        return
    parts = [a for a in inner.named_children]
    if len(parts) == 1:
        ctx.replace(unit, named[0], text(parts[0]))


def _impl_view_param(ctx: StepContext, unit: RustUnit, fn: Node) -> Node | None:
    """The one `x: impl WasiView` parameter of ``fn`` (by value: `&mut WasiImpl<T>` passed as `self` met it)."""
    params = fn.child_by_field_name("parameters")
    if params is None:
        return None
    found = []
    for p in params.named_children:
        t = p.child_by_field_name("type") if p.type == "parameter" else None
        if t is not None and t.type == "abstract_type":
            tr = t.child_by_field_name("trait")
            if tr is not None and ctx.resolves_to(unit, tr, WASI_VIEW) is not None:
                found.append(p)
    return found[0] if len(found) == 1 else None


def _view_helper(ctx: StepContext, unit: RustUnit, fn: Node, param: Node,
                 rewritten: list[tuple[RustUnit, Node]]) -> None:
    """`fn f(mut view: impl WasiView, ..)` called only as `f(self, ..)` from impls now on WasiCtxView: a
    `&mut WasiCtxView` is no WasiView, so the parameter becomes `view: &mut WasiCtxView<'_>`."""
    name_node, body = fn.child_by_field_name("name"), fn.child_by_field_name("body")
    pat = param.child_by_field_name("pattern")
    params = fn.child_by_field_name("parameters")
    if name_node is None or body is None or pat is None or pat.type != "identifier" or params is None:
        return
    name, index = text(name_node), [c for c in params.named_children].index(param)
    calls = []
    for u in ctx.units:
        if name.encode() not in u.src.data:
            continue
        for n in walk_types(u.src.root, ("call_expression",)):
            f = n.child_by_field_name("function") if n.type == "call_expression" else None
            if f is not None and f.type == "identifier" and text(f) == name:
                calls.append((u, n))
    inside = [(u, c) for u, c in calls
              if any(u is ru and b.start_byte <= c.start_byte < b.end_byte for ru, b in rewritten)]
    if not inside:
        return  # not called from a rewritten impl: the `impl WasiView` parameter still fits
    ok = len(inside) == len(calls) and all(_arg_is_self(c, index) for _, c in inside)
    if not ok:
        ctx.report(unit, param, "this fn is called with `self` from host impls now on `WasiCtxView<'_>`, which is no "
                   "`WasiView`: take `&mut WasiCtxView<'_>` (and use `.table` / `.ctx`), or pass a real view")
        return
    var = text(pat)
    cview = ctx.import_name(unit, CTX_VIEW, fn)
    ctx.replace(unit, param, f"{var}: &mut {cview}<'_>")
    _rewrite_self_uses(ctx, unit, body, var, {})


def _arg_is_self(call: Node, index: int) -> bool:
    args = call.child_by_field_name("arguments")
    named = [a for a in args.named_children] if args is not None else []
    return index < len(named) and named[index].type == "self"


def _free_fn(ctx: StepContext, unit: RustUnit, fn: Node) -> None:
    params = fn.child_by_field_name("parameters")
    tp = fn.child_by_field_name("type_parameters")
    body = fn.child_by_field_name("body")
    if params is None or tp is None or body is None:
        return
    hits = []
    for p in params.named_children:
        if p.type != "parameter":
            continue
        t = p.child_by_field_name("type")
        if t is None or t.type != "reference_type" or "mut" not in text(t).split("<")[0]:
            continue
        inner = t.child_by_field_name("type")
        arg = _wasi_impl_param(ctx, unit, inner)
        pat = p.child_by_field_name("pattern")
        if arg is not None and pat is not None and pat.type == "identifier":
            hits.append((inner, arg, text(pat)))
    if len(hits) != 1:
        return
    inner, arg, var = hits[0]
    if not _only_view_bound(ctx, unit, fn, arg):
        ctx.report(unit, inner, "`WasiImpl` was removed: take `&mut WasiCtxView<'_>` here (the tool left this "
                   "signature: its generics are not just `T: WasiView`)")
        return
    rest = [c for c in fn.children if c.type not in ("type_parameters", "parameters", "where_clause")]
    if any(_mentions(c, arg) for c in rest) or _mentions_except(params, arg, inner):
        ctx.report(unit, inner, f"`WasiImpl` was removed: take `&mut WasiCtxView<'_>` here; `{arg}` is used "
                   "elsewhere in this fn, so rewrite it by hand")
        return
    name = ctx.import_name(unit, CTX_VIEW, fn)
    ctx.replace(unit, tp, "")
    for c in fn.children:
        if c.type == "where_clause":
            # `fn f(..) -> R\nwhere T: WasiView,\n{`: drop the clause and the whitespace before it
            ctx.replace(unit, (_prev_end(fn, c), c.end_byte), "")
    ctx.replace(unit, inner, f"{name}<'_>")
    _rewrite_self_uses(ctx, unit, body, var, {})


def _prev_end(parent: Node, child: Node) -> int:
    prev = None
    for c in parent.children:
        if c == child:
            break
        prev = c
    return prev.end_byte if prev is not None else child.start_byte


def _param_name(tp: Node) -> str | None:
    if tp.type == "type_identifier":
        return text(tp)
    for field in ("left", "name"):
        n = tp.child_by_field_name(field)
        if n is not None:
            return text(n)
    if tp.type in ("constrained_type_parameter", "type_parameter") and tp.named_children:
        return text(tp.named_children[0])
    return None


def _wasi_impl_param(ctx: StepContext, unit: RustUnit, ty: Node | None) -> str | None:
    """`WasiImpl<T>` (resolved) with a single type-identifier argument: return `T`."""
    if ty is None or ty.type != "generic_type":
        return None
    base = ty.child_by_field_name("type")
    args = ty.child_by_field_name("type_arguments")
    if base is None or args is None or ctx.resolves_to(unit, base, WASI_IMPL) is None:
        return None
    named = [a for a in args.named_children]
    if len(named) != 1 or named[0].type != "type_identifier":
        return None
    return text(named[0])


def _only_view_bound(ctx: StepContext, unit: RustUnit, item: Node, param: str) -> bool:
    """Every bound on ``param`` (inline or in the where clause) is `WasiView`, and there is one type parameter."""
    tp = item.child_by_field_name("type_parameters")
    if tp is None:
        return False
    params = [c for c in tp.named_children]
    if len(params) != 1 or _param_name(params[0]) != param:
        return False
    bounds: list[Node] = []
    for b in walk(params[0]):
        if b.type == "trait_bounds":
            bounds.extend(b.named_children)
    for c in item.children:
        if c.type != "where_clause":
            continue
        for pred in c.named_children:
            if pred.type != "where_predicate":
                continue
            left = pred.child_by_field_name("left")
            if left is None or text(left) != param:
                return False
            bs = pred.child_by_field_name("bounds")
            bounds.extend(bs.named_children if bs is not None else [])
    return all(b.type in ("type_identifier", "scoped_type_identifier")
               and ctx.resolves_to(unit, b, WASI_VIEW) is not None for b in bounds)


def _mentions(node: Node, name: str) -> bool:
    if name.encode() not in (node.text or b""):
        return False  # the bytes never spell it
    return any(n.type == "type_identifier" and text(n) == name for n in walk(node))


def _mentions_except(node: Node, name: str, skip: Node) -> bool:
    for n in walk(node):
        if n.type == "type_identifier" and text(n) == name:
            if not (skip.start_byte <= n.start_byte < skip.end_byte):
                return True
    return False


def _rewrite_self_uses(ctx: StepContext, unit: RustUnit, body: Node, var: str,
                       roots: dict[str, tuple[str, ...]]) -> None:
    for n in walk(body):
        if n.type == "reference_expression" and _is_field(n.named_children[-1] if n.named_children else None,
                                                          var, "0") and text(n).startswith("&mut"):
            # `&mut self.0` was the `IoImpl<T>` for the io host traits, now implemented for ResourceTable
            ctx.replace(unit, n, f"{var}.table")
        elif n.type == "call_expression":
            f = n.child_by_field_name("function")
            args = n.child_by_field_name("arguments")
            if f is None or args is None:
                continue
            if f.type == "field_expression" and not args.named_children:
                recv, field = f.child_by_field_name("value"), f.child_by_field_name("field")
                if (recv is not None and field is not None and text(recv) == var
                        and text(field) in VIEW_FIELDS):
                    ctx.replace(unit, n, _field_text(n, var, VIEW_FIELDS[text(field)]))
            elif f.type == "scoped_identifier" and var == "self" and _is_random_trait(ctx, unit, f, roots):
                first = args.named_children[0] if args.named_children else None
                if first is not None and first.type == "self":
                    ctx.replace(unit, first, "self.ctx.random()")


def _field_text(call: Node, var: str, field: str) -> str:
    """`self.table()` as a field: a receiver or argument reborrows by itself; a value needs `&mut *`."""
    parent = call.parent
    if parent is not None and parent.type in ("field_expression", "arguments", "index_expression"):
        return f"{var}.{field}"
    return f"&mut *{var}.{field}"


def _is_field(n: Node | None, var: str, field: str) -> bool:
    if n is None or n.type != "field_expression":
        return False
    v, f = n.child_by_field_name("value"), n.child_by_field_name("field")
    return v is not None and f is not None and text(v) == var and text(f) == field


def _is_random_trait(ctx: StepContext, unit: RustUnit, fn_path: Node, roots: dict[str, tuple[str, ...]]) -> bool:
    """`<bindings root>::random::{random,insecure,insecure_seed}::Host::f` (the p2 bindings)."""
    t = "".join(text(fn_path).split())
    segs = t.split("::")
    head = "::".join(segs[:-1])
    for suffix in RANDOM_TRAITS:
        if not head.endswith(suffix):
            continue
        prefix = head[: -len(suffix)].rstrip(":").split("::")
        if prefix == [""]:
            return False
        if tuple(prefix) in BINDINGS_ROOTS:
            return True
        if len(prefix) == 1 and roots.get(prefix[0]) in BINDINGS_ROOTS:
            return True
        return tuple(prefix[:1]) != ("crate",) and _imported_as_bindings(unit, prefix)
    return False


def _imported_as_bindings(unit: RustUnit, prefix: list[str]) -> bool:
    full = unit.names.resolve(tuple(prefix), unit.src.root, set(BINDINGS_ROOTS))
    return full in BINDINGS_ROOTS


def _glob_modules(unit: RustUnit) -> dict[str, tuple[str, ...]]:
    """`mod latest { pub use wasmtime_wasi::p2::bindings::*; }`: a local module that only re-exports a glob."""
    out: dict[str, tuple[str, ...]] = {}
    for n in walk_types(unit.src.root, ("mod_item",)):
        if n.type != "mod_item":
            continue
        name, body = n.child_by_field_name("name"), n.child_by_field_name("body")
        if name is None or body is None:
            continue
        items = [c for c in body.named_children if c.type != "line_comment"]
        if len(items) == 1 and items[0].type == "use_declaration":
            arg = items[0].child_by_field_name("argument")
            if arg is not None and arg.type == "use_wildcard":
                path = "".join(text(arg).split())[:-3]
                out[text(name)] = tuple(path.split("::"))
    return out


STEP = Step(
    id="wasmtime-36-wasi-impl-host",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.REVIEW,
    title="Implement host traits for WasiCtxView instead of WasiImpl<T>",
    summary="Rewrite `impl<T: WasiView> Trait for WasiImpl<T>` as `impl Trait for WasiCtxView<'_>` (and fns taking "
            "`&mut WasiImpl<T>`), with `self.table()`/`&mut self.0` -> `self.table` and random forwarding through "
            "`self.ctx.random()`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11365",
    prefilter=(b"WasiImpl", b"IoImpl"),
    apply=apply,
)
