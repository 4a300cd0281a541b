"""Finding `impl Trait for Type` blocks by resolved trait path, across a crate's files."""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from .names import NameTable, Path, path_of
from .parse import text, walk, walk_types


@dataclass
class ImplBlock:
    unit: object  # the RustUnit holding it (kept opaque: this module knows no transform types)
    node: Node  # impl_item
    trait: Path  # resolved full path of the trait
    trait_node: Node
    type_node: Node
    body: Node  # declaration_list

    @property
    def self_type(self) -> str:
        """The implementing type as written, whitespace-normalised (`Ctx<C>`)."""
        return " ".join(text(self.type_node).split())

    @property
    def base_type(self) -> str:
        """The type's name without generics or path (`Ctx` for `crate::a::Ctx<'a, C>`)."""
        n = self.type_node
        if n.type == "generic_type":
            n = n.child_by_field_name("type") or n
        return text(n).split("::")[-1]

    @property
    def generics(self) -> str:
        g = self.node.child_by_field_name("type_parameters")
        return text(g) if g is not None else ""

    @property
    def where_clause(self) -> str:
        for c in self.node.children:
            if c.type == "where_clause":
                return text(c)
        return ""

    def methods(self) -> dict[str, Node]:
        out: dict[str, Node] = {}
        for c in self.body.named_children:
            if c.type == "function_item":
                name = c.child_by_field_name("name")
                if name is not None:
                    out[text(name)] = c
        return out


TYPE_DEF_TYPES = ("struct_item", "enum_item", "union_item", "type_item")


def type_definitions(units: list) -> dict[str, set[str]]:
    """Type name -> paths of the files (units with ``.path`` and ``.src.root``) that define it."""
    out: dict[str, set[str]] = {}
    for u in units:
        for n in walk_types(u.src.root, TYPE_DEF_TYPES):
            name = n.child_by_field_name("name")
            if name is not None:
                out.setdefault(text(name), set()).add(u.path)
    return out


def type_key(block: ImplBlock, defs: dict[str, set[str]]) -> tuple[str, str]:
    """Which type an impl is for, across a crate's files: two binaries that each define their own
    `struct Host` are two types; a type defined in one file and implemented in others is one."""
    path = block.unit.path  # type: ignore[attr-defined]
    homes = defs.get(block.base_type, set())
    if path in homes or len(homes) != 1:
        return (path, block.self_type)
    return (next(iter(homes)), block.self_type)


def trait_path_node(impl: Node) -> Node | None:
    t = impl.child_by_field_name("trait")
    if t is not None and t.type == "generic_type":
        t = t.child_by_field_name("type")
    return t


def find_impls(unit: object, names: NameTable, root: Node, traits: set[Path]) -> list[ImplBlock]:
    """Every impl in ``root`` (also inside fn bodies and modules) whose trait resolves into ``traits``."""
    out: list[ImplBlock] = []
    for n in walk_types(root, ("impl_item",)):
        tnode = trait_path_node(n)
        ty = n.child_by_field_name("type")
        body = n.child_by_field_name("body")
        if tnode is None or ty is None or body is None:
            continue
        segs = path_of(tnode)
        if segs is None:
            continue
        full = names.resolve(segs, tnode, traits)
        if full in traits:
            out.append(ImplBlock(unit, n, full, tnode, ty, body))
    return out


def item_with_attrs_start(node: Node) -> int:
    """Start of ``node`` including directly preceding attributes and doc/line comments."""
    start = node.start_byte
    prev = node.prev_sibling
    while prev is not None and prev.type in ("attribute_item", "line_comment", "block_comment"):
        start = prev.start_byte
        prev = prev.prev_sibling
    return start


def single_expression(fn: Node) -> Node | None:
    """The tail expression of a fn whose body is just that expression, else None."""
    body = fn.child_by_field_name("body")
    if body is None:
        return None
    named = [c for c in body.named_children if c.type not in ("line_comment", "block_comment")]
    if len(named) != 1:
        return None
    e = named[0]
    if e.type == "expression_statement":
        return None
    return e


def is_self_field_borrow(expr: Node) -> bool:
    """`&mut self.a.b` (a plain borrow of a field path of self)."""
    if expr.type != "reference_expression":
        return False
    inner = expr.child_by_field_name("value")
    if inner is None or not text(expr).startswith("&mut"):
        return False
    n = inner
    if n.type == "unary_expression" and text(n).startswith("*"):
        n = n.named_children[0]  # `&mut *self.x`: a reborrow through a `&mut` field
    while n.type == "field_expression":
        n = n.child_by_field_name("value")
        if n is None:
            return False
    return n.type == "self"


def self_rooted(expr: Node) -> bool:
    """The expression only reads fields of self (method calls on a field allowed, on self not)."""
    for n in walk(expr):
        if n.type == "call_expression":
            f = n.child_by_field_name("function")
            if f is not None and f.type == "field_expression":
                v = f.child_by_field_name("value")
                if v is not None and v.type == "self":
                    return False  # self.method(): borrows all of self
    return True
