"""E30.2: the wasi-io types were renamed at 30, and three of the old names were reused for other items.

`Subscribe` became `Pollable` while the old `Pollable` became `DynPollable` (likewise for the
input/output streams). The engine carries every path through each step's moves exactly once, so
the swap is applied simultaneously: a `Pollable` written for 29 never turns into a trait.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.rust.paths import MoveChain, rewrite_paths
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext
from wasm_codemod.wordsearch import word_search, words

from ._wasi import paths

_NAME_TYPES = ("identifier", "type_identifier", "scoped_identifier", "scoped_type_identifier")

STEP_ID = "wasmtime-30-io-renames"
MOVES: dict[str, str | None] = {
    "wasmtime_wasi::Subscribe": "wasmtime_wasi::Pollable",
    "wasmtime_wasi::Pollable": "wasmtime_wasi::DynPollable",
    "wasmtime_wasi::HostInputStream": "wasmtime_wasi::InputStream",
    "wasmtime_wasi::InputStream": "wasmtime_wasi::DynInputStream",
    "wasmtime_wasi::HostOutputStream": "wasmtime_wasi::OutputStream",
    "wasmtime_wasi::OutputStream": "wasmtime_wasi::DynOutputStream",
    "wasmtime_wasi::PollableFuture": "wasmtime_wasi::DynFuture",
    "wasmtime_wasi::ClosureFuture": None,
}
CLOSURE_HINT = ("`ClosureFuture` was removed at 30; write the type out as "
                "`Box<dyn Fn() -> DynFuture<'static> + Send + 'static>` (`wasmtime_wasi::DynFuture`, "
                "`wasmtime_wasi::p2::DynFuture` from 33) or drop it")
# names that exist only before 30, and only from 30 on (root spelling; p2 from 33)
OLD_ONLY = paths(*(f"wasmtime_wasi::{n}" for n in ("Subscribe", "HostInputStream", "HostOutputStream",
                                                    "PollableFuture", "ClosureFuture")))
NEW_ONLY = paths(*(f"wasmtime_wasi::{p}{n}" for p in ("", "p2::")
                   for n in ("DynPollable", "DynInputStream", "DynOutputStream", "DynFuture")))
NEW_TRAITS = paths(*(f"wasmtime_wasi::{p}{n}" for p in ("", "p2::")
                     for n in ("Pollable", "InputStream", "OutputStream")))


# `Box<dyn HostInputStream>` is exactly the 30 alias `DynInputStream` (= `Box<dyn InputStream>`). When the
# trait's new name is the program's own stream type (`struct InputStream`), writing the alias keeps
# those sites free of the clash, and the other uses of the trait take the full path (no import alias).
BOXED = {("wasmtime_wasi", "HostInputStream"): "wasmtime_wasi::DynInputStream",
         ("wasmtime_wasi", "HostOutputStream"): "wasmtime_wasi::DynOutputStream"}
BOX_NAMES = ("Box", "std::boxed::Box", "alloc::boxed::Box", "::std::boxed::Box")


def _boxed(unit: RustUnit) -> list[tuple[Node, str]]:
    """`Box<dyn HostInputStream>` / `Box<dyn HostOutputStream>` (no other bounds) and the alias each becomes."""
    out = []
    if b"Box" not in unit.src.data:
        return out
    for n in walk_types(unit.src.root, ("generic_type",)):
        base, args = n.child_by_field_name("type"), n.child_by_field_name("type_arguments")
        if base is None or args is None or text(base) not in BOX_NAMES:
            continue
        inner = [c for c in args.named_children if c.type not in ("line_comment", "block_comment")]
        if len(inner) != 1 or inner[0].type != "dynamic_type":
            continue
        trait = inner[0].child_by_field_name("trait")
        segs = path_of(trait) if trait is not None and trait.type in ("type_identifier",
                                                                      "scoped_type_identifier") else None
        if segs is None:
            continue
        full = unit.names.resolve(segs, trait, set(BOXED))
        if full in BOXED:
            out.append((n, BOXED[full]))
    return out


def _old_of(dyn: str) -> tuple[str, ...]:
    return next(k for k, v in BOXED.items() if v == dyn)


def _module_leaf(unit: RustUnit, path: tuple[str, ...]):
    """The file-level `use` leaf importing ``path`` under its own name, if any."""
    scope = unit.names.scopes.get(unit.src.root.id)
    for leaf in (scope.imports.values() if scope is not None else ()):
        if leaf.path == path and not leaf.glob:
            return leaf
    return None


def _code_uses(unit: RustUnit, path: tuple[str, ...]) -> list[Node]:
    """Uses of ``path`` outside `use` declarations (by its last segment, resolved through imports)."""
    out = []
    for n in walk_types(unit.src.root, ("type_identifier", "scoped_type_identifier", "identifier",
                                        "scoped_identifier")):
        p = n.parent
        if p is not None and p.type in ("scoped_type_identifier", "scoped_identifier"):
            continue  # part of a longer path: counted there
        segs = path_of(n)
        if not segs or segs[-1] != path[-1]:
            continue
        a = n
        while a is not None and a.type not in ("use_declaration", "source_file"):
            a = a.parent
        if a is not None and a.type == "use_declaration":
            continue
        if unit.names.resolve(segs, n, {path}) == path:
            out.append(n)
    return out


# an intra-doc link to a simple name: [`HostOutputStream`]
DOC_LINK = re.compile(rb"\[`([A-Za-z_][A-Za-z0-9_]*)`\]")


def _doc_links(ctx: StepContext, unit: RustUnit) -> None:
    """Doc links name the old items through the file's imports: they follow the rename (rustdoc
    warns on a dangling link, and a link to the old name would now point at the other item)."""
    for n in walk_types(unit.src.root, ("doc_comment",)):
        if n.type != "doc_comment":
            continue
        for m in DOC_LINK.finditer(unit.src.data, n.start_byte, n.end_byte):
            name = m.group(1).decode()
            full = unit.names.lookup(name, n)
            new = MOVES.get("::".join(full)) if full else None
            if new:
                ctx.replace(unit, (m.start(1), m.end(1)), new.rsplit("::", 1)[-1])


def _uses(ctx: StepContext, wanted: set) -> bool:
    lasts = {w[-1] for w in wanted}
    for u in ctx.units:
        if word_search(words(lasts), u.src.data) is None:
            continue  # a path ending in one of the names writes it
        for n in walk_types(u.src.root, _NAME_TYPES):
            # the last segment first: most names are none of these, and their paths are not read
            last = n.child_by_field_name("name") if n.type in ("scoped_identifier", "scoped_type_identifier") else n
            if last is None or text(last) not in lasts:
                continue
            segs = path_of(n)
            if segs and segs[-1] in lasts and u.names.resolve(segs, n, wanted) in wanted:
                return True
    return False


def apply(ctx: StepContext) -> None:
    """The swap is done here, not with `moves`: a second run over 30 code must not rename `Pollable` again.

    The renames are expressed at the 30 spelling (crate root); the engine's net path pass then
    carries them on (e.g. into `p2` at 33).
    """
    if not _uses(ctx, OLD_ONLY) and (_uses(ctx, NEW_ONLY) or ctx.impls(NEW_TRAITS)):
        return  # already written for 30 (`DynPollable`, or `Pollable` implemented as a trait)
    for u in ctx.units:
        scope = u.names.scopes.get(u.src.root.id)
        defined = scope.defined if scope is not None else set()
        # only where the trait's new name is the program's own item: elsewhere `Box<dyn InputStream>`
        # reads as the maintainers write it
        boxed = [(b, new) for b, new in _boxed(u)
                 if MOVES["::".join(_old_of(new))].rsplit("::", 1)[-1] in defined]
        moves = dict(MOVES)
        written: dict[int, str] = {}  # start of a replaced node -> its text
        skip: list[tuple[int, int]] = []
        for old, dyn in BOXED.items():
            sites = [b for b, new in boxed if new == dyn]
            dyn_name, trait_name = dyn.rsplit("::", 1)[-1], MOVES["::".join(old)].rsplit("::", 1)[-1]
            alias_leaf = _module_leaf(u, ("wasmtime_wasi", trait_name))  # 29's `OutputStream` = the Box
            if sites and alias_leaf is not None:
                # that import becomes `DynOutputStream` (or keeps its alias): the sites use its name
                name = alias_leaf.alias or (dyn_name if dyn_name not in defined else dyn)
                for b in sites:
                    written[b.start_byte] = name
                continue
            leaf = _module_leaf(u, old)
            if not sites or leaf is None or leaf.alias is not None or dyn_name in defined:
                continue
            uses = _code_uses(u, old)
            rest = [n for n in uses if not any(b.start_byte <= n.start_byte < b.end_byte for b in sites)]
            # the import becomes `DynX`; the other uses (the new trait name is the program's own type
            # here) are written as full paths, as an alias would only hide the clash
            moves["::".join(old)] = dyn
            for b in sites:
                written[b.start_byte] = dyn_name
            for n in rest:
                written[n.start_byte] = "wasmtime_wasi::" + trait_name
                skip.append((n.start_byte, n.end_byte))
                ctx.replace(u, n, "wasmtime_wasi::" + trait_name)
        pr = rewrite_paths(u.src, MoveChain.of([(STEP_ID, moves)]), {"bindgen"})
        inside = [(b.start_byte, b.end_byte) for b, _ in boxed] + skip
        for e in pr.edits.edits:
            if any(s <= e.start and e.end <= end for s, end in inside):
                continue  # replaced as a whole here
            if not u.edits.try_add(e):
                ctx.report(u, e.start, "overlapping rewrite skipped; rename the wasi-io names here by hand")
        for b, new in boxed:
            ctx.replace(u, b, written.get(b.start_byte) or ctx.import_name(u, new, b))
        _doc_links(ctx, u)
        seen = set()
        for issue in pr.issues:
            if any(s <= issue.offset < end for s, end in inside):
                continue
            line = u.src.line_of(issue.offset)
            if (line, issue.path) in seen:
                continue
            seen.add((line, issue.path))
            name = "::".join(issue.path)
            if issue.kind == "macro":
                ctx.report(u, issue.offset, f"`{name}` inside a macro body cannot be rewritten safely; rename it "
                           f"by hand ({issue.detail})")
            else:
                ctx.report(u, issue.offset, f"`{name}` no longer exists at wasmtime 30: {CLOSURE_HINT}")

STEP = Step(
    id=STEP_ID,
    family="wasmtime",
    from_version="29",
    to_version="30",
    safety=Safety.SAFE,
    title="Rename the wasi-io traits and types",
    summary="Rewrite `Subscribe`/`Pollable`, `HostInputStream`/`InputStream`, `HostOutputStream`/`OutputStream` "
            "and `PollableFuture` to `Pollable`/`DynPollable`, `InputStream`/`DynInputStream`, "
            "`OutputStream`/`DynOutputStream` and `DynFuture`, all at once.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10036",
    prefilter=(b"Subscribe", b"Pollable", b"InputStream", b"OutputStream", b"ClosureFuture"),
    apply=apply,
)
