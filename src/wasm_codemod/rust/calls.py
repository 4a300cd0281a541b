"""Method-call matching for API steps: `recv.name(args)`, the statement around it, and a little
local type knowledge (what a receiver variable was declared or built as).

Syntax only: a receiver's type is known when the enclosing fn declares it (parameter type,
`let x: T`, `let x = T::new(..)`), else unknown. Steps decide what "unknown" means for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tree_sitter import Node

from .names import NameTable, Path, path_of
from .parse import ancestors, identifiers_named, text, walk, walk_types

COMMENTS = ("line_comment", "block_comment")
FN_TYPES = ("function_item", "closure_expression")


@dataclass
class MethodCall:
    call: Node  # call_expression
    receiver: Node
    name: Node  # field_identifier
    args: list[Node]  # argument expressions (comments dropped)

    @property
    def method(self) -> str:
        return text(self.name)


def call_arguments(call: Node) -> list[Node]:
    """The argument expressions of a call or macro-like call node, comments dropped."""
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args else []) if a.type not in COMMENTS]


def method_calls(root: Node, names: set[str] | frozenset[str]) -> Iterator[MethodCall]:
    """Every `recv.name(args)` (also `recv.name::<T>(args)`) with ``name`` in ``names``."""
    for n in walk_types(root, ("call_expression",)):
        fn = n.child_by_field_name("function")
        if fn is not None and fn.type == "generic_function":
            fn = fn.child_by_field_name("function")
        if fn is None or fn.type != "field_expression":
            continue
        field = fn.child_by_field_name("field")
        recv = fn.child_by_field_name("value")
        if field is None or recv is None or text(field) not in names:
            continue
        yield MethodCall(n, recv, field, call_arguments(n))


# -- statements -------------------------------------------------------------------------------

RESULT_SUFFIX_METHODS = frozenset({"unwrap", "expect", "context", "with_context", "map_err"})


def outer_expression(expr: Node) -> tuple[Node, list[str]]:
    """Climb from ``expr`` through `?`, `.await` and Result-adapting method calls.

    Returns the outermost expression of that chain and the suffix kinds seen, e.g.
    `x.f()?` -> (the try_expression, ["?"]); `x.f().unwrap()` -> (…, ["unwrap"]).
    """
    cur = expr
    kinds: list[str] = []
    while True:
        p = cur.parent
        if p is None:
            break
        if p.type == "try_expression":
            kinds.append("?")
            cur = p
            continue
        if p.type == "await_expression":
            kinds.append("await")
            cur = p
            continue
        if p.type == "field_expression" and p.child_by_field_name("value") == cur:
            field = p.child_by_field_name("field")
            call = p.parent
            if (field is not None and text(field) in RESULT_SUFFIX_METHODS and call is not None
                    and call.type == "call_expression" and call.child_by_field_name("function") == p):
                kinds.append(text(field))
                cur = call
                continue
        break
    return cur, kinds


def statement_of(expr: Node) -> Node | None:
    """The expression_statement whose whole expression is ``expr`` (None if ``expr`` is only part of one)."""
    p = expr.parent
    if p is not None and p.type == "expression_statement":
        return p
    return None


def enclosing_fn(node: Node) -> Node | None:
    for a in ancestors(node):
        if a.type in FN_TYPES:
            return a
    return None


def fn_returns_result(node: Node) -> bool | None:
    """Does the fn around ``node`` return a `Result`? None: inside a closure or async block (unknown)."""
    for a in ancestors(node):
        if a.type in ("closure_expression", "async_block"):
            return None
        if a.type == "function_item":
            ret = a.child_by_field_name("return_type")
            if ret is None:
                return False
            t = text(ret)
            return "Result" in t.split("<", 1)[0]
    return None


# -- local types ---------------------------------------------------------------------------------

def _strip_refs(ty: Node) -> Node:
    while ty.type in ("reference_type", "pointer_type"):
        inner = ty.child_by_field_name("type")
        if inner is None:
            break
        ty = inner
    return ty


def type_path(names: NameTable, ty: Node) -> Path | None:
    """Full path of a (possibly referenced, possibly generic) type node, through imports."""
    ty = _strip_refs(ty)
    if ty.type == "generic_type":
        inner = ty.child_by_field_name("type")
        if inner is None:
            return None
        ty = inner
    segs = path_of(ty)
    if segs is None:
        return None
    return names.resolve(segs, ty)


def _ctor_path(names: NameTable, value: Node) -> Path | None:
    """`T::new(..)` / `wasmtime::Config::default()` / `T::new(..)?` -> path of T."""
    while value.type in ("try_expression", "reference_expression"):
        nxt = value.named_children[-1] if value.type == "reference_expression" else value.named_children[0]
        value = nxt
    if value.type == "struct_expression":
        name = value.child_by_field_name("name")
        segs = path_of(name) if name is not None else None
        return names.resolve(segs, name) if segs is not None and name is not None else None
    if value.type != "call_expression":
        return None
    fn = value.child_by_field_name("function")
    if fn is None or fn.type != "scoped_identifier":
        return None
    head = fn.child_by_field_name("path")
    name = fn.child_by_field_name("name")
    if head is None or name is None or text(name) not in ("new", "default", "with_data", "new_async"):
        return None
    segs = path_of(head)
    if segs is None:
        return None
    return names.resolve(segs, head)


def local_type(names: NameTable, ident: Node) -> Path | None:
    """Declared type of a simple variable (identifier) at ``ident``, when the enclosing fn says it:
    the nearest `let` before it in a block that holds it (shadowing a parameter), else a parameter."""
    name = text(ident)
    fn = enclosing_fn(ident)
    while fn is not None:
        body = fn.child_by_field_name("body")
        found: Path | None = None
        seen = False
        for n in walk(body) if body is not None else []:
            if n.start_byte >= ident.start_byte:
                break
            if n.type != "let_declaration" or n.end_byte > ident.start_byte:
                continue  # (`let b = b.f();`: the `b` inside is the earlier one)
            block = n.parent
            if block is None or not (block.start_byte <= ident.start_byte < block.end_byte):
                continue  # a `let` of a block that ended before `ident`
            pat = n.child_by_field_name("pattern")
            if pat is None or text(pat).removeprefix("mut ").strip() != name:
                continue
            seen = True
            ty = n.child_by_field_name("type")
            val = n.child_by_field_name("value")
            found = type_path(names, ty) if ty is not None else value_type(names, val) if val is not None else None
        if seen:
            return found
        params = fn.child_by_field_name("parameters")
        for p in (params.named_children if params else []):
            if p.type == "parameter":
                pat = p.child_by_field_name("pattern")
                ty = p.child_by_field_name("type")
                if pat is not None and ty is not None and text(pat).removeprefix("mut ").strip() == name:
                    return type_path(names, ty)
        fn = enclosing_fn(fn)
    return None


# Types whose builder methods return `&mut Self` (or `Self`): the type of a call chain on them is theirs.
CHAINABLE = frozenset({
    ("wasmtime", "Config"), ("wasmtime", "PoolingAllocationConfig"), ("wasmtime", "Linker"),
    ("wasmtime", "component", "Linker"), ("wasmtime_wasi", "WasiCtxBuilder"), ("wasmtime_wasi", "p2", "WasiCtxBuilder"),
    ("wasmtime_wasi", "preview1", "WasiCtxBuilder"), ("wasmtime_wasi", "p1", "WasiCtxBuilder"),
})


def value_type(names: NameTable, value: Node) -> Path | None:
    """Type of an expression when the syntax says it: `T::new(..)`, `T { .. }`, a builder chain on a
    CHAINABLE type, a variable declared nearby, or a call of a fn of this file with a return type."""
    v = value
    while v.type in ("try_expression", "reference_expression", "parenthesized_expression"):
        kids = [c for c in v.named_children if c.type not in COMMENTS]
        if not kids:
            return None
        v = kids[-1] if v.type == "reference_expression" else kids[0]
    if v.type in ("identifier", "field_expression"):
        return receiver_type(names, v)
    if v.type == "struct_expression" or v.type != "call_expression":
        return _ctor_path(names, v)
    fn = v.child_by_field_name("function")
    if fn is not None and fn.type == "field_expression":
        inner = fn.child_by_field_name("value")
        root = value_type(names, inner) if inner is not None else None
        return root if root in CHAINABLE else None
    if fn is not None and fn.type == "identifier":
        return _local_fn_return(names, v, text(fn))
    return _ctor_path(names, v)


def _local_fn_return(names: NameTable, at: Node, fn_name: str) -> Path | None:
    root = at
    while root.parent is not None:
        root = root.parent
    for n in walk_types(root, ("function_item",)):
        if n.type == "function_item":
            nm = n.child_by_field_name("name")
            ret = n.child_by_field_name("return_type")
            if nm is not None and ret is not None and text(nm) == fn_name:
                t = ret
                if t.type == "generic_type" and text(t).startswith(("Result<", "anyhow::Result<", "wasmtime::Result<")):
                    args = t.child_by_field_name("type_arguments")
                    kids = [c for c in (args.named_children if args else []) if c.type not in COMMENTS]
                    if not kids:
                        return None
                    t = kids[0]
                return type_path(names, t)
    return None


def receiver_type(names: NameTable, recv: Node) -> Path | None:
    """Path of the receiver's type when the syntax tells it (see ``value_type``)."""
    r = recv
    while r.type in ("unary_expression", "reference_expression", "parenthesized_expression"):
        kids = [c for c in r.named_children if c.type not in COMMENTS]
        if not kids:
            return None
        r = kids[-1]
    if r.type == "identifier":
        return local_type(names, r)
    if r.type == "field_expression":
        return self_field_type(names, r)
    if r.type in ("call_expression", "try_expression", "struct_expression"):
        return value_type(names, r)
    return None


def receiver_decision(names: NameTable, recv: Node, ours: set[Path], method: str, roots: Iterable[Node]) -> str:
    """"edit", "report" or "skip" for a method-name step: edit when the receiver is one of ``ours``;
    skip when it is declared as something else; when the syntax cannot tell, edit only if the crate
    defines no method of that name itself (else it may be the project's own type: report)."""
    kind = classify_receiver(names, recv, ours)
    if kind == "ours":
        return "edit"
    if kind == "other":
        return "skip"
    return "report" if defined_methods(roots, method) else "edit"


def defined_methods(roots: Iterable[Node], name: str, skip_impls: frozenset[int] | set[int] = frozenset()) -> bool:
    """Some fn named ``name`` is defined in these files (a user method that may shadow the API's),
    outside the impl blocks whose node ids are in ``skip_impls``."""
    defining = getattr(roots, "defining_fn", None)  # transform.CrateRoots: only files that spell `fn name`
    for root in (defining(name) if defining is not None else roots):
        for n in walk_types(root, ("function_item", "function_signature_item")):
            nm = n.child_by_field_name("name")
            if nm is None or text(nm) != name:
                continue
            p = n.parent
            while p is not None and p.type != "impl_item":
                p = p.parent
            if p is None or p.id not in skip_impls:
                return True
    return False


def classify_receiver(names: NameTable, recv: Node, ours: set[Path]) -> str:
    """"ours" (declared as one of ``ours``), "other" (declared as some other type) or "unknown"."""
    p = receiver_type(names, recv)
    if p is None:
        return "unknown"
    return "ours" if p in ours else "other"


def self_field_type(names: NameTable, expr: Node) -> Path | None:
    """Type of `self.field` inside `impl X { .. }` when `struct X` with that field is in the same file."""
    value = expr.child_by_field_name("value")
    field = expr.child_by_field_name("field")
    if value is None or field is None or value.type != "self":
        return None
    impl = next((a for a in ancestors(expr) if a.type == "impl_item"), None)
    ty = impl.child_by_field_name("type") if impl is not None else None
    if ty is None:
        return None
    if ty.type == "generic_type":
        ty = ty.child_by_field_name("type") or ty
    wanted = text(ty)
    root = expr
    while root.parent is not None:
        root = root.parent
    for n in walk_types(root, ("struct_item",)):
        if n.type != "struct_item":
            continue
        nm = n.child_by_field_name("name")
        body = n.child_by_field_name("body")
        if nm is None or body is None or text(nm) != wanted or body.type != "field_declaration_list":
            continue
        for fd in body.named_children:
            if fd.type != "field_declaration":
                continue
            fn = fd.child_by_field_name("name")
            ft = fd.child_by_field_name("type")
            if fn is not None and ft is not None and text(fn) == text(field):
                return type_path(names, ft)
    return None


# -- written fn-pointer types ---------------------------------------------------------------------
# What a value is declared as when only its written type can tell (a wasmtime getter `fn(&mut T) -> R`,
# whose R nothing infers). Unlike ``local_type`` these give the type's node, look only in the
# enclosing `fn` (not through closures or outer fns) and never guess from the value.

def is_mut_ref(ty: Node) -> bool:
    """Is ``ty`` a `&mut X` / `&'a mut X` type?"""
    return ty.type == "reference_type" and any(c.type == "mutable_specifier" for c in ty.children)


def fn_pointer_return(ty: Node) -> Node | None:
    """R of a plain `fn(&mut X) -> R` pointer type (None for any other type)."""
    if ty.type != "function_type" or ty.child_by_field_name("trait") is not None:
        return None
    params = ty.child_by_field_name("parameters")
    ps = [c for c in params.named_children] if params else []
    if len(ps) != 1 or ps[0].type != "reference_type" or not is_mut_ref(ps[0]):
        return None
    return ty.child_by_field_name("return_type")


def passed_fn_pointer_return(fn_node: Node, ty: Node) -> Node | None:
    """R of the `fn(&mut T) -> R` a parameter of type ``ty`` of ``fn_node`` is handed: the last such
    parameter of ``ty`` written as `fn(..)`, `impl Fn(..)` or a type parameter bounded by `Fn*(..)`."""
    if ty.type == "abstract_type":
        ty = next((c for c in ty.named_children if c.type == "function_type"), ty)
    elif ty.type == "type_identifier":
        name = text(ty)
        bound = None
        for tp in walk_types(fn_node, ("type_parameter", "where_predicate")):
            left = tp.child_by_field_name("name") or tp.child_by_field_name("left")
            if left is not None and text(left) == name and tp.child_by_field_name("bounds") is not None:
                bound = next((c for c in tp.child_by_field_name("bounds").named_children
                              if c.type == "function_type"), None)
                if bound is not None:
                    break
        if bound is None:
            return None
        ty = bound
    if ty.type != "function_type":
        return None
    params = ty.child_by_field_name("parameters")
    inner = [c for c in (params.named_children if params else []) if c.type == "function_type"]
    return fn_pointer_return(inner[-1]) if inner else None


def _lets_binding(fn: Node, name: str) -> list[Node]:
    """The `let name ..` declarations in ``fn`` (pattern exactly ``name``), in pre-order: found where
    its bytes spell the name, not by a walk of the whole function."""
    out = []
    for leaf in identifiers_named(fn, fn.text or b"", {name}, ("identifier",), base=fn.start_byte):
        d = leaf.parent
        if d is not None and d.type == "let_declaration" and d.child_by_field_name("pattern") == leaf:
            out.append(d)
    return out  # a let starts before the lets nested in it, as its name does


def written_type(ident: Node) -> Node | None:
    """The written type of the binding of ``ident`` in effect in its enclosing `fn`: of the last `let`
    of that name before it in a block that holds it (`let x: T`, `let x = e as T`; None when that
    `let` writes no type), else of the parameter. None inside a closure."""
    want = text(ident)
    fn = ident.parent
    while fn is not None and fn.type not in FN_TYPES:
        fn = fn.parent
    if fn is None or fn.type != "function_item":
        return None
    lets = [d for d in _lets_binding(fn, want)
            if d.end_byte <= ident.start_byte and d.parent is not None
            and d.parent.start_byte <= ident.start_byte < d.parent.end_byte]
    if lets:
        d = lets[-1]
        ty, val = d.child_by_field_name("type"), d.child_by_field_name("value")
        if ty is None and val is not None and val.type == "type_cast_expression":
            ty = val.child_by_field_name("type")
        return ty
    params = fn.child_by_field_name("parameters")
    for p in params.named_children if params else []:
        pat, ty = p.child_by_field_name("pattern"), p.child_by_field_name("type")
        if p.type == "parameter" and pat is not None and text(pat) == want and ty is not None:
            return ty
    return None
