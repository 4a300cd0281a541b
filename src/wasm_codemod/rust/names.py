"""Which names in a Rust file come from which crate paths.

Rust rules that matter here: a `mod` does not see its parent's `use` imports, a
block (fn body) does; explicit imports beat glob imports; the first segment of a
path that is not imported is a crate name (extern prelude) or a local item.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from tree_sitter import Node

from .parse import text, walk_types

Path = tuple[str, ...]

SCOPE_TYPES = frozenset({"source_file", "declaration_list", "block"})
ITEM_DEF_TYPES = {
    "trait_item": "name",
    "struct_item": "name",
    "enum_item": "name",
    "type_item": "name",
    "function_item": "name",
    "mod_item": "name",
    "union_item": "name",
}
_TABLE_TYPES = ("use_declaration", *ITEM_DEF_TYPES)  # what NameTable reads of a file


@dataclass
class UseLeaf:
    """One imported name of a use declaration."""

    path: Path  # full path of the imported item (for `self` leaves: the module)
    alias: str | None  # `as X` (None when absent; "_" for trait-in-scope imports)
    node: Node  # the leaf node inside the use tree
    decl: Node  # the use_declaration
    prefix: Path  # segments contributed by enclosing groups
    glob: bool = False
    is_self: bool = False

    @property
    def local_name(self) -> str | None:
        if self.alias is not None:
            return None if self.alias == "_" else self.alias
        return self.path[-1] if self.path else None


def path_of(node: Node) -> Path | None:
    """Segments of a simple path node (identifier / scoped_identifier / scoped_type_identifier).

    Returns None when the path goes through generics, `<T as Trait>` or macros.
    """
    t = node.type
    if t in ("identifier", "type_identifier", "self", "super", "crate", "field_identifier"):
        return (text(node),)
    if t in ("scoped_identifier", "scoped_type_identifier"):
        name = node.child_by_field_name("name")
        p = node.child_by_field_name("path")
        if name is None:
            return None
        if p is None:
            # `::crate_name::x` (leading colons): treat as absolute
            return (text(name),)
        head = path_of(p)
        if head is None:
            return None
        return head + (text(name),)
    return None


def flatten_use(decl: Node) -> list[UseLeaf]:
    arg = decl.child_by_field_name("argument")
    leaves: list[UseLeaf] = []
    if arg is not None:
        _flatten(arg, (), decl, leaves)
    return leaves


def _flatten(node: Node, prefix: Path, decl: Node, out: list[UseLeaf]) -> None:
    t = node.type
    if t in ("identifier", "scoped_identifier", "crate", "super"):
        segs = path_of(node)
        if segs is not None:
            out.append(UseLeaf(prefix + segs, None, node, decl, prefix))
    elif t == "self":
        out.append(UseLeaf(prefix, None, node, decl, prefix, is_self=True))
    elif t == "use_as_clause":
        p = node.child_by_field_name("path")
        a = node.child_by_field_name("alias")
        segs = path_of(p) if p is not None else None
        if segs is not None:
            is_self = segs == ("self",)
            full = prefix if is_self else prefix + segs
            out.append(UseLeaf(full, text(a) if a is not None else None, node, decl, prefix, is_self=is_self))
    elif t == "scoped_use_list":
        p = node.child_by_field_name("path")
        lst = node.child_by_field_name("list")
        segs = path_of(p) if p is not None else ()
        if segs is None or lst is None:
            return
        for child in lst.named_children:
            _flatten(child, prefix + segs, decl, out)
    elif t == "use_list":
        for child in node.named_children:
            _flatten(child, prefix, decl, out)
    elif t == "use_wildcard":
        inner = node.named_children[0] if node.named_children else None
        segs = path_of(inner) if inner is not None else ()
        if segs is not None:
            out.append(UseLeaf(prefix + segs, None, node, decl, prefix, glob=True))


@dataclass
class Scope:
    node: Node
    is_module: bool
    imports: dict[str, UseLeaf] = field(default_factory=dict)
    anonymous: list[UseLeaf] = field(default_factory=list)  # `use X as _;`
    globs: list[UseLeaf] = field(default_factory=list)
    defined: set[str] = field(default_factory=set)


class NameTable:
    """Scope-aware import table for one parsed file."""

    def __init__(self, root: Node) -> None:
        self.root = root
        self.scopes: dict[int, Scope] = {}
        self.leaves: list[UseLeaf] = []
        self.decls: list[Node] = []
        self._decl_leaves: dict[int, list[UseLeaf]] | None = None
        self._in_scope: dict[int, list[UseLeaf]] | None = None
        self._index: _ScopeIndex | None = None
        # one type at a time: each list is already in file order (a merged walk would sort them all),
        # and only the order of the `use` declarations among themselves matters
        for n in walk_types(root, ("use_declaration",)):
            self.decls.append(n)
            scope = self._scope_for(n)
            for leaf in flatten_use(n):
                self.leaves.append(leaf)
                if leaf.glob:
                    scope.globs.append(leaf)
                elif leaf.alias == "_":
                    scope.anonymous.append(leaf)
                elif leaf.local_name:
                    scope.imports[leaf.local_name] = leaf
        for t, field_name in ITEM_DEF_TYPES.items():
            for n in walk_types(root, (t,)):
                if n.parent is not None:
                    name = n.child_by_field_name(field_name)
                    if name is not None:
                        self._scope_for(n).defined.add(text(name))

    def leaves_of(self, decl: Node) -> list[UseLeaf]:
        """The leaves of one `use` declaration (indexed once: big files have thousands)."""
        return self._by_decl().get(decl.id, [])

    def leaves_in(self, scope: Node) -> list[UseLeaf]:
        """The leaves of the `use` declarations directly in ``scope``."""
        if self._in_scope is None:
            self._in_scope = {}
            for lf in self.leaves:
                if lf.decl.parent is not None:
                    self._in_scope.setdefault(lf.decl.parent.id, []).append(lf)
        return self._in_scope.get(scope.id, [])

    def _by_decl(self) -> dict[int, list[UseLeaf]]:
        if self._decl_leaves is None:
            self._decl_leaves = {}
            for lf in self.leaves:
                self._decl_leaves.setdefault(lf.decl.id, []).append(lf)
        return self._decl_leaves

    def _scope_node(self, node: Node) -> Node:
        p = node.parent
        while p is not None and p.type not in SCOPE_TYPES:
            p = p.parent
        return p if p is not None else self.root

    def _scope_for(self, node: Node) -> Scope:
        s = self._scope_node(node)
        key = s.id
        if key not in self.scopes:
            is_module = s.type == "source_file" or (s.type == "declaration_list" and s.parent is not None
                                                   and s.parent.type == "mod_item")
            self.scopes[key] = Scope(s, is_module)
        return self.scopes[key]

    def scopes_at(self, node: Node) -> list[Scope]:
        """Scopes visible at ``node``, innermost first, stopping at the enclosing module."""
        out: list[Scope] = []
        p = node.parent
        while p is not None:
            if p.type in SCOPE_TYPES:
                is_module = p.type == "source_file" or (p.type == "declaration_list" and p.parent is not None
                                                       and p.parent.type == "mod_item")
                s = self.scopes.get(p.id) or Scope(p, is_module)
                out.append(s)
                if is_module:
                    break
            p = p.parent
        return out

    def _visible(self, at: Node) -> list[Scope]:
        """The scopes of ``scopes_at(at)`` that import or define anything (the others change no
        lookup), found by bisecting the file's scope ranges instead of climbing the tree."""
        if self._index is None:
            self._index = _ScopeIndex(self)
        found = self._index.visible(at)
        return found if found is not None else [s for s in self.scopes_at(at) if s.node.id in self.scopes]

    def lookup(self, name: str, at: Node, known: set[Path] | None = None) -> Path | None:
        """Full path the simple name ``name`` denotes at ``at`` (None: not an import we can see)."""
        scopes = self._visible(at)
        for s in scopes:
            if name in s.imports:
                return s.imports[name].path
            if name in s.defined:
                return None
        if known is not None:
            for s in scopes:
                for g in s.globs:
                    cand = g.path + (name,)
                    if cand in known:
                        return cand
        return None

    def resolve(self, segs: Path, at: Node, known: set[Path] | None = None) -> Path:
        """Resolve a path's first segment through imports; unknown heads stay as written."""
        if not segs:
            return segs
        head = self.lookup(segs[0], at, known)
        if head is None:
            return segs
        return head + segs[1:]

    def local_name_for(self, path: Path, at: Node) -> str | None:
        """A name in scope at ``at`` that denotes ``path`` (an import of it or of a parent module)."""
        for s in self._visible(at):
            for name, leaf in s.imports.items():
                if leaf.path == path:
                    return name
        for s in self._visible(at):
            for name, leaf in s.imports.items():
                if len(leaf.path) < len(path) and path[: len(leaf.path)] == leaf.path:
                    return "::".join((name,) + path[len(leaf.path) :])
        return None


class _ScopeIndex:
    """The scopes of a NameTable that hold anything, plus every module (where a lookup stops), as
    byte ranges in pre-order with each one's enclosing entry: the scopes visible at a node are the
    chain above the innermost range around it."""

    def __init__(self, table: NameTable) -> None:
        nodes: dict[int, Node] = {s.node.id: s.node for s in table.scopes.values()}
        nodes.setdefault(table.root.id, table.root)
        for m in walk_types(table.root, ("mod_item",)):
            for c in m.named_children:
                if c.type == "declaration_list":
                    nodes.setdefault(c.id, c)
        entries = sorted(nodes.values(), key=lambda n: (n.start_byte, -n.end_byte))
        self.starts = [n.start_byte for n in entries]
        self.ends = [n.end_byte for n in entries]
        # two scopes on the same bytes, or an empty one, cannot be placed by range; a table of a
        # subtree has modules above it: climb the tree instead
        self.usable = (table.root.type == "source_file" and table.root.parent is None
                       and all(n.start_byte < n.end_byte for n in entries)
                       and len({(n.start_byte, n.end_byte) for n in entries}) == len(entries))
        self.parent: list[int] = []
        stack: list[int] = []
        for i, n in enumerate(entries):
            while stack and self.ends[stack[-1]] < n.end_byte:
                stack.pop()
            self.parent.append(stack[-1] if stack else -1)
            stack.append(i)
        self.chains: list[list[Scope] | None] = [None] * len(entries)
        self.entries = entries
        self.table = table

    def visible(self, at: Node) -> list[Scope] | None:
        """None when ranges cannot tell (an empty node, or a scope with exactly ``at``'s bytes)."""
        s, e = at.start_byte, at.end_byte
        if not self.usable or s >= e:
            return None
        i = bisect_right(self.starts, s) - 1
        while i >= 0 and self.ends[i] < e:
            i = self.parent[i]
        if i < 0:
            return None
        if self.starts[i] == s and self.ends[i] == e:
            return None
        chain = self.chains[i]
        if chain is None:
            chain = []
            j = i
            scopes = self.table.scopes
            while j >= 0:
                n = self.entries[j]
                sc = scopes.get(n.id)
                if sc is not None:
                    chain.append(sc)
                if n.type == "source_file" or (n.type == "declaration_list" and n.parent is not None
                                               and n.parent.type == "mod_item"):
                    break
                j = self.parent[j]
            self.chains[i] = chain
        return chain
