"""Parsing and small node helpers on top of tree-sitter-rust."""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from operator import attrgetter

import tree_sitter_rust
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

from ..wordsearch import WORD_BYTES, word_matches, words


@lru_cache(maxsize=1)
def rust_language() -> Language:
    return Language(tree_sitter_rust.language())


@lru_cache(maxsize=1)
def _parser() -> Parser:
    return Parser(rust_language())


def parse_rust(data: bytes) -> Tree:
    return _parser().parse(data)


def reparse_rust(data: bytes, edited: Tree) -> Tree:
    """Parse ``data`` reusing ``edited``: an older tree already told about the edits (``Tree.edit``).
    WASM_CODEMOD_CHECK_REPARSE=1 also parses from scratch and fails on any difference."""
    tree = _parser().parse(data, edited)
    if CHECK_REPARSE:
        fresh = _parser().parse(data)
        if str(fresh.root_node) != str(tree.root_node) or _spans(fresh.root_node) != _spans(tree.root_node):
            raise AssertionError("incremental re-parse differs from a full parse")
    return tree


def _spans(root: Node) -> list[tuple[int, int, tuple[int, int], tuple[int, int]]]:
    return [(n.start_byte, n.end_byte, n.start_point, n.end_point) for n in _cursor_walk(root)]


CHECK_REPARSE = os.environ.get("WASM_CODEMOD_CHECK_REPARSE", "") not in ("", "0")


def count_errors(node: Node) -> int:
    """Number of ERROR and MISSING nodes below ``node`` (cheap when the tree is clean)."""
    if not node.has_error:
        return 0
    total = 0
    stack = [node]
    while stack:
        n = stack.pop()
        if n.is_error or n.is_missing:
            total += 1
        if n.has_error:
            stack.extend(n.children)
    return total


# Pre-order node lists of whole files, kept while their SourceFile lives (see pin_root): steps
# walk the same file many times, and the second walk is a list iteration.
_ROOTS: dict[int, tuple[Node, list[Node] | None]] = {}
# The same files' nodes by type, for the types steps ask for (impls, calls, macro invocations,
# use declarations, items): found by a tree-sitter query, which runs in C, instead of a Python
# walk over every node. An edited file is a new SourceFile, hence a new root and a new index.
_BY_TYPE: dict[int, dict[str, list[Node]]] = {}


def pin_root(root: Node) -> None:
    """Remember ``root`` so walks from it are computed once; the caller must call unpin_root."""
    _ROOTS[id(root)] = (root, None)


def unpin_root(key: int) -> None:
    _ROOTS.pop(key, None)
    _BY_TYPE.pop(key, None)


def _pinned_nodes(node: Node) -> list[Node] | None:
    entry = _ROOTS.get(id(node))
    if entry is None or entry[0] is not node:
        return None
    nodes = entry[1]
    if nodes is None:
        nodes = list(_cursor_walk(node))
        _ROOTS[id(node)] = (node, nodes)
    return nodes


# the item and expression types the helpers and steps ask for most, found by the first question
# about a file in one query (its cost is mostly the tree walk, so one query for all of them is much
# cheaper than one per type); paths and identifiers are many and asked for by fewer: those get a
# query of their own
INDEXED = tuple(sorted({
    "call_expression", "impl_item", "macro_invocation", "trait_item", "match_expression", "type_arguments",
    "function_item", "closure_expression", "function_signature_item", "struct_item", "enum_item", "union_item",
    "type_item", "use_declaration", "mod_item", "const_item", "static_item",
    "attribute_item", "struct_expression", "generic_type", "try_expression", "macro_definition"}))
# not in it: field expressions and string literals (a third of a host file's captures, asked by no step
# of a run over the real-host corpus: docs/benchmarks.md); a step that asks gets its own query


@lru_cache(maxsize=64)
def _type_query(types: tuple[str, ...]) -> Query:
    return Query(rust_language(), " ".join(f"({t}) @{t}" for t in types))


def _preorder(n: Node) -> tuple[int, int]:
    # an ancestor starts no later and ends no earlier than its descendants: (start, -end) is pre-order
    return (n.start_byte, -n.end_byte)


_START = attrgetter("start_byte")
_END = attrgetter("end_byte")


def in_preorder(nodes: list[Node]) -> list[Node]:
    """``sorted(nodes, key=_preorder)`` with C-level keys (two stable sorts: end descending, then
    start): query captures come out of order, and the index sorts every list it keeps."""
    out = sorted(nodes, key=_END, reverse=True)
    out.sort(key=_START)
    return out


def walk_types(node: Node, types: tuple[str, ...] | frozenset[str] | set[str]) -> Iterator[Node]:
    """The nodes of ``types`` under ``node`` (itself included), in pre-order: ``walk`` filtered by
    type, read from the file's index when ``node`` is a whole file's root."""
    entry = _ROOTS.get(id(node))
    if entry is None or entry[0] is not node:
        return (n for n in _cursor_walk(node) if n.type in types)
    index = _BY_TYPE.setdefault(id(node), {})
    missing = tuple(sorted(t for t in types if t not in index))
    if missing and not index:
        # the first question about a file: one query for every common type at once
        missing = tuple(sorted(set(INDEXED) | set(missing)))
    if missing:
        found = QueryCursor(_type_query(missing)).captures(node)
        for t in missing:
            index[t] = in_preorder(found.get(t, []))
    lists = [index[t] for t in types if index[t]]
    if not lists:
        return iter(())
    if len(lists) == 1:
        return iter(lists[0])
    return iter(in_preorder([n for lst in lists for n in lst]))


def walk_types_within(root: Node, types: tuple[str, ...], node: Node) -> list[Node]:
    """``walk_types(node, types)`` for a ``node`` of the file ``root``: the slice of the file's index
    between its bytes (bisected), not a walk of its subtree."""
    entry = _ROOTS.get(id(root))
    if entry is None or entry[0] is not root:
        return list(walk_types(node, types))
    for _ in walk_types(root, types):  # makes sure the index holds these types
        break
    index = _BY_TYPE[id(root)]
    start, end = node.start_byte, node.end_byte
    out: list[Node] = []
    for t in types:
        lst = index[t]
        i = bisect_left(lst, start, key=lambda n: n.start_byte)
        # in pre-order a node starting inside ``node`` is ``node`` or one of its descendants
        while i < len(lst) and lst[i].start_byte < end:
            n = lst[i]
            if n.end_byte <= end and (n.start_byte > start or n == node or _descends(n, node)):
                out.append(n)
            i += 1
    if len(types) > 1:
        out = in_preorder(out)
    return out


def _descends(n: Node, anc: Node) -> bool:
    p = n.parent
    while p is not None:
        if p == anc:
            return True
        if p.start_byte < anc.start_byte:
            return False
        p = p.parent
    return False


_WORD_OR_RAW = WORD_BYTES | {ord("#")}  # `r#name` is another identifier


def identifiers_named(root: Node, data: bytes, names: set[str] | frozenset[str],
                      types: tuple[str, ...] = ("identifier", "type_identifier"), base: int = 0) -> Iterator[Node]:
    """The leaves of ``types`` under ``root`` spelled as one of ``names``, in file order: found where
    the bytes spell a name (most files have thousands of identifiers and none of these), not by a
    walk. ``data`` is the text from byte ``base`` of the file on (a node's own ``text``, say)."""
    if not names:
        return
    for m in word_matches(words(names), data, _WORD_OR_RAW):
        start, end = base + m.start(), base + m.end()
        node = root.descendant_for_byte_range(start, end)
        if node is not None and node.type in types and node.start_byte == start and node.end_byte == end:
            yield node


def walk(node: Node) -> Iterator[Node]:
    """Pre-order walk of named and anonymous nodes."""
    nodes = _pinned_nodes(node)
    return iter(nodes) if nodes is not None else _cursor_walk(node)


def _cursor_walk(node: Node) -> Iterator[Node]:
    """A tree cursor walk: no child lists are built."""
    cur = node.walk()
    depth = 0
    while True:
        yield cur.node
        if cur.goto_first_child():
            depth += 1
            continue
        while depth > 0 and not cur.goto_next_sibling():
            cur.goto_parent()
            depth -= 1
        if depth == 0:
            return


def text(node: Node) -> str:
    raw = node.text  # a property that copies the bytes: read it once
    return raw.decode("utf-8") if raw is not None else ""


def ancestors(node: Node) -> Iterator[Node]:
    p = node.parent
    while p is not None:
        yield p
        p = p.parent


def in_use_declaration(node: Node) -> bool:
    """Whether ``node`` is part of a `use` declaration (a path being imported, not used)."""
    p = node.parent
    while p is not None:
        if p.type == "use_declaration":
            return True
        if p.type in ("block", "declaration_list", "function_item", "source_file"):
            return False  # a use declaration never holds these: stop climbing
        p = p.parent
    return False


def macro_name(node: Node) -> str:
    """Last path segment of a macro_invocation's name (``wasmtime::component::bindgen`` -> ``bindgen``)."""
    m = node.child_by_field_name("macro")
    if m is None:
        return ""
    if m.type == "scoped_identifier":
        name = m.child_by_field_name("name")
        return text(name) if name is not None else ""
    return text(m)


def path_segments(node: Node) -> list[str]:
    """Segments of a (scoped) path node; generic arguments are dropped."""
    t = text(node)
    if "<" in t:
        t = t.split("<", 1)[0]
    return [s for s in (p.strip() for p in t.split("::")) if s]
