"""Net path rewriting: apply a chain of item moves once, so moves that cancel out leave no trace.

A *move* maps a path prefix (an item or a whole module) to a new path, or to None
when the item is gone. Moves are grouped in ordered stages (one per step); a path
is carried through every stage and only the net result is written. Rewritten are
`use` trees, qualified paths in code, bare names imported through globs, and the
paths inside allowed macro bodies (e.g. `bindgen!{ with: {...} }`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tree_sitter import Node

from ..source import Edit, EditSet, SourceFile
from ..wordsearch import word_search, words
from .names import NameTable, Path, UseLeaf, path_of
from .parse import identifiers_named, in_preorder, in_use_declaration, macro_name, text, walk, walk_types

_SCOPED = ("scoped_identifier", "scoped_type_identifier")


@dataclass
class Stage:
    step: str
    moves: dict[Path, Path | None]


@dataclass
class Mapped:
    new: Path | None
    steps: list[str]

    @property
    def removed(self) -> bool:
        return self.new is None


@dataclass
class MoveChain:
    stages: list[Stage]
    _cache: dict[Path, Mapped] = field(default_factory=dict)
    _tokens: dict[bytes, set[bytes]] | None = None

    @classmethod
    def of(cls, stages: Iterable[tuple[str, dict[str, str | None]]]) -> MoveChain:
        out = []
        for step, moves in stages:
            conv: dict[Path, Path | None] = {}
            for old, new in moves.items():
                conv[tuple(old.split("::"))] = tuple(new.split("::")) if new is not None else None
            if conv:
                out.append(Stage(step, conv))
        return cls(out)

    def __bool__(self) -> bool:
        return bool(self.stages)

    @property
    def roots(self) -> set[str]:
        return {k[0] for s in self.stages for k in s.moves}

    def may_touch(self, data: bytes) -> bool:
        """Can a file with this text hold a path the chain moves? Such a path resolves to a key's crate
        root (written in the path itself or in the `use` that imports it) and names the key's last
        segment (in the path, in the `use`, or as the glob's module), each as a whole word (`wasmtime`
        in `wasmtime_wasi` or `my_wasmtime` is not the crate). False: no need to parse it."""
        if self._tokens is None:
            self._tokens = {}
            for s in self.stages:
                for k in s.moves:
                    self._tokens.setdefault(k[0].encode(), set()).add(k[-1].encode())
        return any(root in data and any(t in data for t in toks)
                   and word_search(words([root]), data) is not None and word_search(words(toks), data) is not None
                   for root, toks in self._tokens.items())

    def known_items(self) -> set[Path]:
        known: set[Path] = set()
        for s in self.stages:
            known.update(s.moves)
            known.update(v for v in s.moves.values() if v is not None)
        return known

    def map(self, path: Path) -> Mapped:
        hit = self._cache.get(path)
        if hit is not None:
            return hit
        cur: Path | None = path
        steps: list[str] = []
        for stage in self.stages:
            assert cur is not None
            key = _longest_prefix(cur, stage.moves)
            if key is None:
                continue
            new = stage.moves[key]
            steps.append(stage.step)
            if new is None:
                cur = None
                break
            cur = new + cur[len(key) :]
        result = Mapped(cur, steps if cur != path else [])
        self._cache[path] = result
        return result


def _longest_prefix(path: Path, moves: dict[Path, Path | None]) -> Path | None:
    for n in range(len(path), 0, -1):
        if path[:n] in moves:
            return path[:n]
    return None


@dataclass
class PathIssue:
    """A site the rewriter could not fix: reported as a follow-up by the caller."""

    offset: int
    path: Path
    steps: list[str]
    kind: str  # "removed" | "macro" | "glob-removed"
    detail: str = ""


@dataclass
class PathRewrite:
    edits: EditSet
    issues: list[PathIssue]
    changed_steps: dict[str, int]  # step id -> number of sites changed


def rewrite_paths(src: SourceFile, chain: MoveChain, macros_with_paths: set[str]) -> PathRewrite:
    """Compute the edits that carry every path in ``src`` through ``chain``."""
    rw = _Rewriter(src, chain, macros_with_paths | EXPRESSION_MACROS)
    rw.run()
    return PathRewrite(rw.edits, rw.issues, rw.changed_steps)


# std macros whose arguments are ordinary Rust expressions/patterns: paths in them are code
EXPRESSION_MACROS = frozenset({
    "matches", "vec", "println", "eprintln", "print", "eprint", "format", "write", "writeln", "panic",
    "assert", "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne", "dbg",
    "todo", "unimplemented", "unreachable", "anyhow", "bail", "ensure",
})


def join(path: Path) -> str:
    return "::".join(path)


class _Rewriter:
    def __init__(self, src: SourceFile, chain: MoveChain, macros_with_paths: set[str]) -> None:
        self.src = src
        self.chain = chain
        self.macros = macros_with_paths
        self.names = NameTable(src.root)
        self.known = chain.known_items()
        self.roots = chain.roots
        self.edits = EditSet()
        self.issues: list[PathIssue] = []
        self.changed_steps: dict[str, int] = {}
        # leaves whose imported item got a new last segment (and no alias): old name -> new name
        self.renamed: dict[int, tuple[UseLeaf, str]] = {}
        self.removed_leaves: list[UseLeaf] = []

    # -- bookkeeping -----------------------------------------------------------------
    def _count(self, steps: list[str]) -> None:
        for s in steps:
            self.changed_steps[s] = self.changed_steps.get(s, 0) + 1

    def _edit(self, start: int, end: int, new: str, steps: list[str]) -> None:
        if self.edits.try_add(Edit(start, end, self.src.native(new), ",".join(steps))):
            self._count(steps)

    def _relevant(self, path: Path) -> bool:
        return bool(path) and path[0] in self.roots

    # -- driver ----------------------------------------------------------------------
    def run(self) -> None:
        for decl in self.names.decls:
            self._use_decl(decl)
        self._code_paths()
        self._bare_names()

    # -- use declarations ------------------------------------------------------------
    def _use_decl(self, decl: Node) -> None:
        leaves = self.names.leaves_of(decl)
        mapped = {id(lf): self.chain.map(lf.path) for lf in leaves if self._relevant(lf.path)}
        changed = [lf for lf in leaves if id(lf) in mapped and mapped[id(lf)].steps]
        if not changed:
            return
        # leaves whose new path can be written in place, relative to their group prefix
        in_place: list[tuple[UseLeaf, Path]] = []
        orphans: list[tuple[UseLeaf, Path]] = []
        removed: list[UseLeaf] = []
        for lf in changed:
            m = mapped[id(lf)]
            if m.new is None:
                removed.append(lf)
            elif lf.is_self or lf.glob:
                in_place.append((lf, m.new)) if self._fits(lf, m.new) else orphans.append((lf, m.new))
            elif (m.new[: len(lf.prefix)] == lf.prefix and len(m.new) > len(lf.prefix)
                  and (not lf.prefix or m.new[:-1] == lf.path[:-1])):
                # same parent module (only the name changed), or a single-path use: edit in place
                in_place.append((lf, m.new))
            else:
                orphans.append((lf, m.new))
        for lf in changed:
            m = mapped[id(lf)]
            if m.new is not None and lf.alias is None and not lf.glob and m.new[-1] != lf.path[-1]:
                if self._collides(lf, m.new[-1]):
                    # the new name is taken in this scope (e.g. `mod p1;`): keep the old one as an alias
                    lf.alias = lf.path[-1]
                    lf.keep_name = True  # type: ignore[attr-defined]
                else:
                    self.renamed[id(lf)] = (lf, m.new[-1])
        self.removed_leaves.extend(removed)
        has_comment = any(n.type in ("line_comment", "block_comment") for n in walk(decl))
        if (orphans or len(in_place) > 1) and not has_comment:
            self._rebuild_decl(decl, leaves, mapped)
            return
        for lf, new in in_place:
            self._leaf_in_place(lf, new, mapped[id(lf)].steps)
        gone = removed + [lf for lf, _ in orphans]
        if gone:
            self._remove_leaves(decl, leaves, gone, [s for lf in gone for s in mapped[id(lf)].steps])
        if orphans:
            self._insert_after(decl, [(new, lf.alias, lf.glob) for lf, new in orphans],
                               [s for lf, _ in orphans for s in mapped[id(lf)].steps])

    def _collides(self, lf: UseLeaf, name: str, seen: set[int] | None = None) -> bool:
        scope = self.names._scope_for(lf.decl)
        other = scope.imports.get(name)
        if name in scope.defined:
            return True
        if other is None or other is lf:
            return False
        return not self._renamed_away(other, (seen or set()) | {id(lf)})

    def _renamed_away(self, other: UseLeaf, seen: set[int]) -> bool:
        """Does ``other`` get a new name in this same pass (a simultaneous swap such as
        `Subscribe`->`Pollable`, `Pollable`->`DynPollable`), so its old name becomes free?"""
        if id(other) in seen:
            return True  # a rename cycle: every name in it moves at once
        if other.alias is not None or other.glob or other.is_self or not self._relevant(other.path):
            return False
        m = self.chain.map(other.path)
        if not m.steps or m.new is None or m.new[-1] == other.path[-1]:
            return False
        return not self._collides(other, m.new[-1], seen | {id(other)})

    def _fits(self, lf: UseLeaf, new: Path) -> bool:
        if lf.is_self:
            return False  # handled by group rebuild
        return new[: len(lf.prefix)] == lf.prefix and len(new) > len(lf.prefix)

    def _leaf_in_place(self, lf: UseLeaf, new: Path, steps: list[str]) -> None:
        rel = join(new[len(lf.prefix) :])
        node = lf.node
        if getattr(lf, "keep_name", False) and node.type != "use_as_clause":
            rel += f" as {lf.alias}"
        if node.type == "use_as_clause":
            p = node.child_by_field_name("path")
            assert p is not None
            self._edit(p.start_byte, p.end_byte, rel, steps)
        elif node.type == "use_wildcard":
            inner = node.named_children[0]
            self._edit(inner.start_byte, inner.end_byte, rel, steps)
        else:
            self._edit(node.start_byte, node.end_byte, rel, steps)

    def _rebuild_decl(self, decl: Node, leaves: list[UseLeaf], mapped: dict[int, Mapped]) -> None:
        entries: list[tuple[Path, str | None, bool]] = []
        steps: list[str] = []
        seen: set[tuple[Path, str | None, bool]] = set()
        for lf in leaves:
            m = mapped.get(id(lf))
            if m is not None and m.steps:
                steps.extend(m.steps)
                if m.new is None:
                    continue
                new = m.new
            else:
                new = lf.path
            if lf.is_self:
                new = new + ("self",)  # `m::{self, ..}` stays a self import (not `use m;`)
            entry = (new, lf.alias, lf.glob)
            if entry not in seen:
                seen.add(entry)
                entries.append(entry)
        arg = decl.child_by_field_name("argument")
        assert arg is not None
        if not entries:
            self._delete_decl(decl, steps)
            return
        multiline = "\n" in text(arg)
        indent = self.src.indent_at(decl.start_byte)
        orig_parents = {_parent(lf.path + (("*",) if lf.glob else ())) for lf in leaves}
        groups: dict[Path, list[tuple[Path, str | None, bool]]] = {}
        for e in entries:
            groups.setdefault(_parent(e[0] + (("*",) if e[2] else ())), []).append(e)
        if len(orig_parents) == 1 and len(groups) > 1:
            # a flat `use m::{a, b}` whose items now live in several modules: one `use` per module
            parts = list(groups.values())
            head = self.src.data[decl.start_byte:arg.start_byte].decode()
            text_out = print_use_tree(parts[0], multiline, indent) + ";"
            for part in parts[1:]:
                text_out += f"\n{indent}{head}{print_use_tree(part, multiline, indent)};"
            semi_end = decl.end_byte
            self._edit(arg.start_byte, semi_end, text_out, steps)
            return
        self._edit(arg.start_byte, arg.end_byte, print_use_tree(entries, multiline, indent), steps)

    def _delete_decl(self, decl: Node, steps: list[str]) -> None:
        start, end = decl.start_byte, decl.end_byte
        line_start = self.src.line_start(start)
        data = self.src.data
        if data[line_start:start].strip() == b"":
            start = line_start
            nl = data.find(b"\n", end)
            if data[end : (nl if nl != -1 else len(data))].strip() == b"":
                end = nl + 1 if nl != -1 else len(data)
        self._edit(start, end, "", steps)

    def _remove_leaves(self, decl: Node, leaves: list[UseLeaf], gone: list[UseLeaf], steps: list[str]) -> None:
        gone_ids = {lf.node.id for lf in gone}
        if all(lf.node.id in gone_ids for lf in leaves):
            self._delete_decl(decl, steps)
            return
        arg = decl.child_by_field_name("argument")
        assert arg is not None
        self._prune(arg, gone_ids, steps)

    def _prune(self, node: Node, gone_ids: set[int], steps: list[str]) -> bool:
        """Remove gone leaves under ``node``; True when ``node`` itself becomes empty."""
        if node.id in gone_ids:
            return True
        if node.type == "scoped_use_list":
            lst = node.child_by_field_name("list")
            return lst is not None and self._prune(lst, gone_ids, steps)
        if node.type != "use_list":
            return False
        items = node.named_children
        empty = [self._prune(c, gone_ids, steps) if c.type in ("scoped_use_list", "use_list") else c.id in gone_ids
                 for c in items]
        if all(empty):
            return True
        kept = [c for c, e in zip(items, empty, strict=True) if not e]
        if len(kept) == 1 and kept[0].type in ("identifier", "scoped_identifier", "use_as_clause") and \
                not any(c.type.endswith("comment") for c in node.children):
            # `{A, B}` minus B: write `A`, as rustfmt would
            parent = node.parent
            if parent is not None and parent.type == "scoped_use_list":
                self._edit(node.start_byte, node.end_byte, text(kept[0]), steps)
                return False
        # neighbouring items share a comma: merge their ranges so no removal is lost to an overlap
        ranges = sorted(self._list_item_range(c) for c, e in zip(items, empty, strict=True) if e)
        merged: list[list[int]] = []
        for start, end in ranges:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            self._edit(start, end, "", steps)
        return False

    def _list_item_range(self, item: Node) -> tuple[int, int]:
        """The bytes of ``item`` and one adjoining comma (plus the whitespace that goes with it)."""
        data = self.src.data
        start, end = item.start_byte, item.end_byte
        nxt = item.next_sibling
        if nxt is not None and nxt.type == ",":
            end = nxt.end_byte
            while end < len(data) and data[end : end + 1] in (b" ", b"\t"):
                end += 1
            if data[end : end + 2] == b"\r\n" or data[end : end + 1] == b"\n":
                # item on its own line: remove the whole line
                ls = self.src.line_start(start)
                if data[ls:start].strip() == b"":
                    start = ls
                    end += 2 if data[end : end + 2] == b"\r\n" else 1
        else:
            prev = item.prev_sibling
            if prev is not None and prev.type == ",":
                start = prev.start_byte
        return start, end

    def _insert_after(self, decl: Node, entries: list[tuple[Path, str | None, bool]], steps: list[str]) -> None:
        vis_text = "".join(text(c) + " " for c in decl.children if c.type == "visibility_modifier")
        indent = self.src.indent_at(decl.start_byte)
        groups: dict[Path, list[tuple[Path, str | None, bool]]] = {}
        for e in entries:
            groups.setdefault(e[0][:-1] if not e[2] else e[0], []).append(e)
        lines = []
        for _, es in groups.items():
            lines.append(f"{indent}{vis_text}use {print_use_tree(es, False, indent)};")
        self._edit(decl.end_byte, decl.end_byte, "\n" + "\n".join(lines), steps)

    # -- qualified paths in code -----------------------------------------------------
    def _code_paths(self) -> None:
        sites = in_preorder([*walk_types(self.src.root, ("macro_invocation",)), *self._scoped_paths()])
        for node in sites:
            t = node.type
            if t == "macro_invocation":
                self._macro(node)
                continue
            if t not in ("scoped_identifier", "scoped_type_identifier"):
                continue
            parent = node.parent
            if parent is not None and parent.type in ("scoped_identifier", "scoped_type_identifier") \
                    and parent.child_by_field_name("path") == node:
                continue  # not maximal
            if in_use_declaration(node):
                continue
            segs = path_of(node)
            if segs is None or segs[0] in ("crate", "self", "super"):
                continue
            self._rewrite_site(node.start_byte, node.end_byte, segs, node)

    def _scoped_paths(self) -> list[Node]:
        """The outermost `a::b::c` paths whose first segment can resolve into the chain's crates: a
        crate root written out, or a name a `use` of this file binds to a path under one. Found from
        where the bytes spell such a name (a host file has thousands of paths, few of them into
        wasmtime), climbing from that segment to the path that holds it."""
        heads = set(self.roots) | {lf.local_name for lf in self.names.leaves
                                   if lf.local_name and lf.path and lf.path[0] in self.roots}
        found: dict[int, Node] = {}
        for leaf in identifiers_named(self.src.root, self.src.data, heads):
            n = leaf
            while (p := n.parent) is not None and p.type in _SCOPED:
                path = p.child_by_field_name("path")
                # `a::b`: the head is the path; `::a` (leading colons): the name of a path-less node
                if path == n or (path is None and p.child_by_field_name("name") == n):
                    n = p
                else:
                    break
            if n is not leaf:
                found[n.id] = n
        return list(found.values())

    def _rewrite_site(self, start: int, end: int, segs: Path, at: Node, in_macro: str = "") -> None:
        head = self.names.lookup(segs[0], at)
        if head is None and self.names.lookup(segs[0], at, self.known) is not None:
            return  # head comes from a glob import: `_bare_names` adds an explicit import instead
        # = names.resolve(segs, at, known): an import found without `known` is found with it
        resolved = segs if head is None else head + segs[1:]
        if not self._relevant(resolved):
            return
        m = self.chain.map(resolved)
        if not m.steps:
            return
        if m.new is None:
            self.issues.append(PathIssue(start, resolved, m.steps, "removed"))
            return
        if in_macro:
            self.issues.append(PathIssue(start, resolved, m.steps, "macro", in_macro))
            return
        new_text = self._express(segs, resolved, m.new, at)
        if new_text != join(segs):
            self._edit(start, end, new_text, m.steps)

    def _express(self, segs: Path, resolved: Path, new: Path, at: Node) -> str:
        head_leaf = None
        for s in self.names.scopes_at(at):
            if segs[0] in s.imports:
                head_leaf = s.imports[segs[0]]
                break
        if head_leaf is not None:
            dest = self.chain.map(head_leaf.path)
            head_new = dest.new if dest.steps else head_leaf.path
            if head_new is not None and new[: len(head_new)] == head_new:
                local = segs[0]
                if id(head_leaf) in self.renamed:
                    local = self.renamed[id(head_leaf)][1]
                return join((local,) + new[len(head_new) :])
        return join(new)

    def _macro(self, node: Node) -> None:
        name = macro_name(node)
        for start, end, segs, last in _token_paths(node):
            if len(segs) < 2:
                continue
            if name in self.macros:
                self._rewrite_site(start, end, segs, last)
            else:
                self._rewrite_site(start, end, segs, last, in_macro=name)

    # -- bare names (renamed imports, glob imports, removed imports) -----------------
    def _bare_names(self) -> None:
        renamed_by_name: dict[str, list[tuple[UseLeaf, str]]] = {}
        for lf, new_name in self.renamed.values():
            renamed_by_name.setdefault(lf.path[-1], []).append((lf, new_name))
        removed_by_name = {lf.local_name: lf for lf in self.removed_leaves if lf.local_name}
        glob_items: dict[str, list[Path]] = {}
        for lf in self.names.leaves:
            if lf.glob and self._relevant(lf.path) and not self.chain.map(lf.path).steps:
                for k in self.known:
                    if k[:-1] == lf.path and self.chain.map(k).steps:
                        glob_items.setdefault(k[-1], []).append(k)
        if not (renamed_by_name or removed_by_name or glob_items):
            return
        glob_needs: dict[int, tuple[Node, list[tuple[Path, str | None, bool]], list[str]]] = {}
        reported: set[tuple[int, str]] = set()
        wanted = {*renamed_by_name, *removed_by_name, *glob_items}
        for node in identifiers_named(self.src.root, self.src.data, wanted):
            if in_use_declaration(node):
                continue
            if node.parent is not None and node.parent.type == "token_tree":
                continue  # macro bodies are handled (or reported) as paths
            name = text(node)
            parent = node.parent
            if parent is not None and parent.type in ("scoped_identifier", "scoped_type_identifier") \
                    and parent.child_by_field_name("name") == node:
                continue  # last segment of a qualified path: handled as a path
            if parent is not None and parent.type in ITEM_NAME_PARENTS and parent.child_by_field_name("name") == node:
                continue  # a definition, not a use
            if name in renamed_by_name:
                target = self.names.lookup(name, node)
                for lf, new_name in renamed_by_name[name]:
                    if target == lf.path:
                        self._edit(node.start_byte, node.end_byte, new_name, self.chain.map(lf.path).steps)
            if name in removed_by_name:
                lf = removed_by_name[name]
                if self.names.lookup(name, node) == lf.path:
                    line = self.src.line_of(node.start_byte)
                    if (line, name) not in reported:
                        reported.add((line, name))
                        self.issues.append(PathIssue(node.start_byte, lf.path, self.chain.map(lf.path).steps,
                                                     "removed"))
            if name in glob_items and self.names.lookup(name, node) is None:
                for k in glob_items[name]:
                    if self.names.lookup(name, node, {k}) != k:
                        continue
                    m = self.chain.map(k)
                    if m.new is None:
                        line = self.src.line_of(node.start_byte)
                        if (line, name) not in reported:
                            reported.add((line, name))
                            self.issues.append(PathIssue(node.start_byte, k, m.steps, "removed"))
                        continue
                    glob = self._glob_decl_for(k, node)
                    if glob is None:
                        continue
                    entry = (m.new, None if m.new[-1] == name else name, False)
                    _, es, st = glob_needs.setdefault(glob.id, (glob, [], []))
                    if entry not in es:
                        es.append(entry)
                        st.extend(m.steps)
        for glob, es, st in glob_needs.values():
            self._insert_after(glob, es, st)

    def _glob_decl_for(self, item: Path, at: Node) -> Node | None:
        for s in self.names.scopes_at(at):
            for g in s.globs:
                if g.path == item[:-1]:
                    return g.decl
        return None


ITEM_NAME_PARENTS = frozenset({
    "trait_item", "struct_item", "enum_item", "type_item", "function_item", "mod_item", "union_item",
    "function_signature_item", "const_item", "static_item", "enum_variant", "field_declaration",
})




def _token_paths(macro: Node) -> list[tuple[int, int, Path, Node]]:
    """Runs of `ident (:: ident)*` inside a macro's token trees (start, end, segments, last node)."""
    out: list[tuple[int, int, Path, Node]] = []
    stack = [c for c in macro.children if c.type == "token_tree"]
    while stack:
        tt = stack.pop()
        kids = tt.children
        i = 0
        while i < len(kids):
            k = kids[i]
            if k.type == "token_tree":
                stack.append(k)
                i += 1
                continue
            if k.type == "identifier" or (k.type == "::" and i + 1 < len(kids) and kids[i + 1].type == "identifier"):
                start_idx = i
                segs: list[str] = []
                j = i
                if kids[j].type == "::":
                    j += 1
                segs.append(text(kids[j]))
                j += 1
                while j + 1 < len(kids) and kids[j].type == "::" and kids[j + 1].type == "identifier":
                    segs.append(text(kids[j + 1]))
                    j += 2
                out.append((kids[start_idx].start_byte, kids[j - 1].end_byte, tuple(segs), kids[j - 1]))
                i = j
                continue
            i += 1
    return out


def _parent(path: Path) -> Path:
    return path[:-1]


USE_WIDTH = 100  # rustfmt's default max_width


def print_use_tree(entries: list[tuple[Path, str | None, bool]], multiline: bool, indent: str) -> str:
    """Print leaves as one use tree rooted at their longest common prefix, keeping their order."""
    trie = _Trie()
    for path, alias, glob in entries:
        trie.add(path + (("*",) if glob else ()), alias)
    segs: list[str] = []
    cur = trie
    while len(cur.children) == 1 and not cur.leaf:
        seg, cur = next(iter(cur.children.items()))
        segs.append(seg)
    if not cur.leaf and not segs:
        # no common prefix at all (`use {anyhow::Result, wasmtime::Engine};`): a braced root group
        return cur.render_children(multiline, indent + "    ", indent)
    if not cur.leaf:
        # several items under one prefix
        return "::".join(segs) + "::" + cur.render_children(multiline, indent + "    ", indent)
    frags = cur.render(segs[-1], multiline, indent)
    head = "::".join(segs[:-1])
    if segs[-1] == "self":
        # `use m::self;` is not Rust; a lone `self` is the module itself
        if len(frags) == 1:
            return head + frags[0][len("self"):]
        return head + "::{" + ", ".join(frags) + "}"
    if len(frags) == 1:
        return (head + "::" if head else "") + frags[0]
    return head + "::{" + ", ".join(frags) + "}"


class _Trie:
    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.leaf = False
        self.aliases: list[str | None] = []

    def add(self, path: Path, alias: str | None) -> None:
        node = self
        for seg in path:
            node = node.children.setdefault(seg, _Trie())
        node.leaf = True
        node.aliases.append(alias)

    def render(self, name: str, multiline: bool = False, indent: str = "") -> list[str]:
        """Use-tree fragments for the subtree under segment ``name``."""
        if not self.children:
            return [name + (f" as {a}" if a else "") for a in self.aliases]
        # children go one level deeper only inside braces opened here (`a::b::{..}` collapses `a`, `b`)
        deeper = indent + "    " if len(self.children) > 1 else indent
        subs = [frag for seg, child in self.children.items() for frag in child.render(seg, multiline, deeper)]
        # `use alloc::{vec, vec::Vec}`: a plain import of `vec` (every namespace: the macro too) is
        # not `vec::{self}` (the module only), so it stays its own fragment
        own = [name + (f" as {a}" if a else "") for a in self.aliases] if self.leaf else []
        if len(subs) == 1 and (subs[0] == "self" or subs[0].startswith("self as ")):
            return own + [name + subs[0][len("self"):]]  # `m::{self}` is `m` (as rustfmt writes it)
        if len(subs) == 1:
            return own + [f"{name}::{subs[0]}"]
        # a group inside a multi-line `use` stays on one line while it fits (rustfmt's width), else breaks
        flat = f"{name}::" + _braces(subs, False, "", "")
        wrap = multiline and "\n" not in flat and len(indent) + len(flat) + 1 > USE_WIDTH
        return own + [f"{name}::" + _braces(subs, wrap or any("\n" in x for x in subs), indent + "    ", indent)]

    def render_children(self, multiline: bool, item_indent: str, close_indent: str) -> str:
        frags = [frag for seg, child in self.children.items() for frag in child.render(seg, multiline, item_indent)]
        return _braces(frags, multiline, item_indent, close_indent)


def _braces(frags: list[str], multiline: bool, item_indent: str, close_indent: str) -> str:
    if multiline:
        return "{" + "".join(f"\n{item_indent}{f}," for f in frags) + "\n" + close_indent + "}"
    return "{" + ", ".join(frags) + "}"
