"""E40.1: wasi-http p2 bodies are `UnsyncBoxBody<Bytes, ErrorCode>` (were `BoxBody`).

`HyperOutgoingBody`/`HyperIncomingBody` changed their underlying type, so a body built with
`.boxed()` (a `BoxBody`, which must be `Sync`) no longer fits; `.boxed_unsync()` builds the new type.
`HostIncomingBody::new` also gained a third argument (`field_size_limit: usize`).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext
from wasm_codemod.wordsearch import word_matches

from ._report_only import path_calls
from ._wasi import paths
from ._wasi_http import method_calls

BODIES = paths("wasmtime_wasi_http::body::HyperOutgoingBody", "wasmtime_wasi_http::body::HyperIncomingBody")
BOX_BODY = paths("http_body_util::combinators::BoxBody")
INCOMING_NEW = paths("wasmtime_wasi_http::body::HostIncomingBody::new")

_BOX_BODY = re.compile(rb"BoxBody(?!\w)")  # searched as a word


ERROR_CODE = paths("wasmtime_wasi_http::bindings::http::types::ErrorCode", "wasmtime_wasi_http::types::ErrorCode",
                   "wasmtime_wasi_http::p2::bindings::http::types::ErrorCode")
UNSYNC = "http_body_util::combinators::UnsyncBoxBody"


def _wasi_http_box_bodies(ctx: StepContext, unit: RustUnit) -> list[Node]:
    """`BoxBody<B, ErrorCode>` with wasi-http's `ErrorCode`: the wasi-http body type, written out."""
    out = []
    for n in walk_types(unit.src.root, ("generic_type",)):
        if n.type != "generic_type":
            continue
        base, args = n.child_by_field_name("type"), n.child_by_field_name("type_arguments")
        if base is None or args is None or not ctx.resolves_to(unit, base, BOX_BODY):
            continue
        named = [a for a in args.named_children if a.type not in ("line_comment", "block_comment")]
        if len(named) == 2 and named[1].type in ("type_identifier", "scoped_type_identifier") \
                and ctx.resolves_to(unit, named[1], ERROR_CODE):
            out.append(base)
    return out


def _signature_end(item: Node) -> int:
    body = item.child_by_field_name("body")
    return body.start_byte if body is not None else item.end_byte


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"wasmtime_wasi_http" not in unit.src.data:
            continue
        written = _wasi_http_box_bodies(ctx, unit)
        done = {(b.start_byte, b.end_byte) for b in written}
        for base in written:
            ctx.replace(unit, base, ctx.import_name(unit, UNSYNC, base))
        # an impl or fn whose signature names that body builds it with `.boxed()`: `.boxed_unsync()` now
        heads = [n for n in walk_types(unit.src.root, ("impl_item", "function_item"))
                 if n.type in ("impl_item", "function_item")
                 and any(n.start_byte <= b.start_byte < _signature_end(n) for b in written)]
        unsynced: list[Node] = []
        for item in heads:
            for call, f, _r in method_calls(unit, {"boxed"}):
                args = call.child_by_field_name("arguments")
                if _within(call, item) and args is not None and not args.named_children \
                        and not _has_body_fn(item, heads, call):
                    ctx.replace(unit, f.child_by_field_name("field"), "boxed_unsync")
                    unsynced.append(call)
        aliases = _aliases_receiving(ctx, unit, unsynced, done)
        for call in unsynced:
            fed = [a for a in aliases if a.name in _return_names(_enclosing_fn(call))]
            if fed:
                continue  # the alias it feeds is rewritten below, with its own report
            ctx.report(unit, call, "`.boxed()` → `.boxed_unsync()` beside a wasi-http body (`UnsyncBoxBody` "
                       "from 40): if this body flows into a `BoxBody<..>` type of your own (a response "
                       "alias), that type becomes `UnsyncBoxBody` too", "review")
        replaced = [*written]
        for alias in aliases:
            replaced += _unsync_alias(ctx, unit, alias, {(c.start_byte, c.end_byte) for c in unsynced})
        if aliases:
            _drop_unused_box_body_import(ctx, unit, replaced)
        for fn in (n for n in walk_types(unit.src.root, ("function_item",)) if n.type == "function_item"):
            if any(h.start_byte <= fn.start_byte and fn.end_byte <= h.end_byte for h in heads):
                continue  # handled above
            if not _mentions(ctx, unit, fn, BODIES):
                continue
            for call, f, _r in method_calls(unit, {"boxed"}):
                args = call.child_by_field_name("arguments")
                if _within(call, fn) and args is not None and not args.named_children and _innermost(call, fn):
                    ctx.replace(unit, f.child_by_field_name("field"), "boxed_unsync")
                    ctx.report(unit, call, "`.boxed()` → `.boxed_unsync()`: wasi-http bodies are `UnsyncBoxBody` "
                               "from 40; check that this body feeds a `HyperOutgoingBody`/`HyperIncomingBody`",
                               "review")
            for n in walk(fn):
                if n.type in ("type_identifier", "scoped_type_identifier") and ctx.resolves_to(unit, n, BOX_BODY):
                    if n.parent is not None and n.parent.type == "scoped_type_identifier":
                        continue
                    if (n.start_byte, n.end_byte) in done:
                        continue
                    ctx.report(unit, n, "`BoxBody` here is next to a wasi-http body type, which is "
                               "`http_body_util::combinators::UnsyncBoxBody` from 40: if it names that body, "
                               "write `UnsyncBoxBody` (and build it with `.boxed_unsync()`)")
        for call in path_calls(ctx, unit, INCOMING_NEW):
            args = call.child_by_field_name("arguments")
            if args is not None and len(args.named_children) == 2:
                ctx.report(unit, call, "`HostIncomingBody::new` takes a third argument `field_size_limit: usize` "
                           "from 40 (the limit for trailer fields; wasi-http's own default is 128 KiB)")


class _Alias:
    """`type NAME = ..BoxBody<..>..;` in this file, fed a body built with `.boxed_unsync()`."""

    def __init__(self, item: Node, name: str, bases: list[Node]) -> None:
        self.item, self.name, self.bases = item, name, bases


def _enclosing_fn(n: Node) -> Node | None:
    p = n.parent
    while p is not None and p.type != "function_item":
        p = p.parent
    return p


def _return_names(fn: Node | None) -> set[str]:
    """Type names a function's declared return type is written with (`-> Response`, `-> Result<Response, E>`)."""
    ret = fn.child_by_field_name("return_type") if fn is not None else None
    if ret is None:
        return set()
    return {text(n) for n in walk(ret) if n.type == "type_identifier"}


def _aliases_receiving(ctx: StepContext, unit: RustUnit, unsynced: list[Node],
                       done: set[tuple[int, int]]) -> list[_Alias]:
    """The project's own body aliases (`type Response = hyper::Response<BoxBody<Bytes, E>>`, defined in
    this file) that a function returns while building its body with a now-`.boxed_unsync()` call: the
    body it returns is an `UnsyncBoxBody`, so the alias must name that type (E0308 otherwise)."""
    wanted = set().union(*(_return_names(_enclosing_fn(c)) for c in unsynced)) if unsynced else set()
    if not wanted:
        return []
    out = []
    for item in walk_types(unit.src.root, ("type_item",)):
        name, value = item.child_by_field_name("name"), item.child_by_field_name("type")
        if name is None or value is None or text(name) not in wanted:
            continue
        if item.child_by_field_name("type_parameters") is not None:
            continue  # a generic alias can be instantiated with other bodies
        bases = [b for n in walk(value) if n.type == "generic_type"
                 and (b := n.child_by_field_name("type")) is not None and ctx.resolves_to(unit, b, BOX_BODY)
                 and (b.start_byte, b.end_byte) not in done]
        if len(bases) == 1:
            out.append(_Alias(item, text(name), bases))
    return out


def _unsync_alias(ctx: StepContext, unit: RustUnit, alias: _Alias, rewritten: set[tuple[int, int]]) -> list[Node]:
    """Rewrite the alias to `UnsyncBoxBody`, and what builds one in this file: `BoxBody::new(..)` and
    `.boxed()` in the functions that return it (`UnsyncBoxBody` asks less of the body: no `Sync`)."""
    replaced = list(alias.bases)
    for b in alias.bases:
        ctx.replace(unit, b, ctx.import_name(unit, UNSYNC, b))
    builders = [fn for fn in walk_types(unit.src.root, ("function_item",)) if alias.name in _return_names(fn)]
    for fn in builders:
        for call, f, _r in method_calls(unit, {"boxed"}):
            args = call.child_by_field_name("arguments")
            if _within(call, fn) and _innermost(call, fn) and args is not None and not args.named_children \
                    and (call.start_byte, call.end_byte) not in rewritten:
                ctx.replace(unit, f.child_by_field_name("field"), "boxed_unsync")
        for n in walk(fn):
            if n.type != "scoped_identifier" or not _innermost(n, fn):
                continue
            path, name = n.child_by_field_name("path"), n.child_by_field_name("name")
            if path is not None and name is not None and text(name) == "new" \
                    and ctx.resolves_to(unit, path, BOX_BODY):
                ctx.replace(unit, path, ctx.import_name(unit, UNSYNC, path))
                replaced.append(path)
    ctx.report(unit, alias.item, f"`{alias.name}` now names `UnsyncBoxBody`: a function returning it builds its body "
               "with `.boxed_unsync()` (wasi-http bodies are `UnsyncBoxBody` from 40), and `BoxBody::new`/`.boxed()` "
               f"in this file's functions returning `{alias.name}` follow; code in other files that builds a "
               f"`{alias.name}` body must too, and a consumer that needs the body to be `Sync` cannot have it",
               "review")
    return replaced


def _drop_unused_box_body_import(ctx: StepContext, unit: RustUnit, replaced: list[Node]) -> None:
    """Remove a private `BoxBody` import when every other `BoxBody` of the file was just rewritten
    (counted in the text, macro bodies included, so a use the tree does not show keeps it)."""
    data = unit.src.data
    uses = [n for n in walk(unit.src.root) if n.type == "use_declaration"]
    spans = [(n.start_byte, n.end_byte) for n in [*uses, *replaced]]
    for m in word_matches(_BOX_BODY, data):
        if not any(a <= m.start() < b for a, b in spans):
            return  # a BoxBody the step left as it was
    for lf in unit.names.leaves:
        if lf.path != ("http_body_util", "combinators", "BoxBody") or lf.alias is not None or lf.glob:
            continue
        if any(c.type == "visibility_modifier" for c in lf.decl.children):
            continue  # re-exported
        if lf.decl.child_by_field_name("argument") == lf.node:
            ctx.delete_lines(unit, lf.decl)
            continue
        lst = lf.node.parent
        if lst is None or lst.type != "use_list" or len(lst.named_children) < 2:
            continue
        others = [c for c in lst.named_children if c != lf.node]
        if len(others) == 1 and others[0].type in ("identifier", "scoped_identifier") \
                and lst.parent is not None and lst.parent.type == "scoped_use_list" \
                and not any(c.type.endswith("comment") for c in lst.children):
            ctx.replace(unit, lst, text(others[0]))  # `{A, B}` minus B: `A`, as rustfmt writes it
            continue
        prev, nxt = lf.node.prev_sibling, lf.node.next_sibling
        if prev is not None and prev.type == ",":
            ctx.replace(unit, (prev.start_byte, lf.node.end_byte), "")
        elif nxt is not None and nxt.type == ",":
            after = nxt.end_byte
            while after < len(data) and data[after:after + 1] in (b" ", b"\t"):
                after += 1
            ctx.replace(unit, (lf.node.start_byte, after), "")


def _has_body_fn(item: Node, heads: list[Node], call: Node) -> bool:
    """``call`` sits in a narrower head item than ``item`` (it is handled once, there)."""
    return any(h != item and item.start_byte <= h.start_byte and h.end_byte <= item.end_byte
               and _within(call, h) for h in heads)


def _within(n: Node, fn: Node) -> bool:
    return fn.start_byte <= n.start_byte and n.end_byte <= fn.end_byte


def _innermost(n: Node, fn: Node) -> bool:
    p = n.parent
    while p is not None and p != fn:
        if p.type == "function_item":
            return False
        p = p.parent
    return True


def _mentions(ctx: StepContext, unit: RustUnit, fn: Node, targets: set[tuple[str, ...]]) -> bool:
    if unit.src.data.find(b"Body", fn.start_byte, fn.end_byte) < 0:
        return False  # no type name in it can end with `Body`
    for n in walk(fn):
        if n.type in ("type_identifier", "scoped_type_identifier") and text(n).endswith("Body"):
            if ctx.resolves_to(unit, n, targets):
                return True
    return False


STEP = Step(
    id="wasmtime-40-http-body",
    family="wasmtime",
    from_version="39",
    to_version="40",
    safety=Safety.REVIEW,
    title="Build wasi-http bodies with boxed_unsync",
    summary="In functions that use `HyperOutgoingBody`/`HyperIncomingBody`, turn `.boxed()` into `.boxed_unsync()`; "
            "report `BoxBody` types there and two-argument `HostIncomingBody::new` calls.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12060",
    prefilter=(b"wasmtime_wasi_http",),
    apply=apply,
)
