"""E42.1: `wasmtime::Error`/`wasmtime::Result` are wasmtime's own types, no longer anyhow's.

`From<wasmtime::Error> for anyhow::Error` exists (Cargo feature `anyhow`, default on), the reverse
does not. So code that hands anyhow values to wasmtime breaks: bindgen `Host` trait methods and
`func_wrap` closures written as `-> anyhow::Result<T>`, and `anyhow::bail!`/`anyhow!`/`?` on anyhow
results inside functions that return `wasmtime::Result`.
"""

from __future__ import annotations

import re
from collections.abc import Container

from tree_sitter import Node

from wasm_codemod import cargo
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk, walk_types, walk_types_within
from wasm_codemod.transform import CompilerFix, ManifestContext, RustUnit, Safety, Step, StepContext
from wasm_codemod.wordsearch import word_search

from ._memo import per_source

ANYHOW_RESULT = {("anyhow", "Result")}
ANYHOW_ERROR = {("anyhow", "Error")}
WASMTIME_RESULT = {("wasmtime", "Result"), ("wasmtime", "error", "Result")}
MACROS = {("anyhow", "bail"): "wasmtime::bail", ("anyhow", "ensure"): "wasmtime::ensure",
          ("anyhow", "anyhow"): "wasmtime::format_err", ("anyhow", "format_err"): "wasmtime::format_err"}
ERROR_CTORS = {"msg", "new", "from"}
HOST_TRAIT = re.compile(r"^Host([A-Z]\w*)?$")
WRAP_FNS = {"func_wrap", "func_wrap_async", "func_wrap_concurrent", "func_new", "func_new_async"}
FROM_ANYHOW = ".map_err(wasmtime::Error::from_anyhow)"
TO_ANYHOW = ".map_err(anyhow::Error::from)"
# wasmtime constructors that return `wasmtime::Result` (anyhow's until 41): called by path, so no types needed
_CTORS = ("new", "from_file", "from_binary", "deserialize", "deserialize_file")
WASMTIME_FALLIBLE = ({("wasmtime", "Engine", "new")}
                     | {("wasmtime", "Module", f) for f in _CTORS}
                     | {("wasmtime", "component", "Component", f) for f in _CTORS})


def apply(ctx: StepContext) -> None:
    # `bindgen!{ anyhow: true }` (wasmtime-42-bindgen-anyhow, opt-in) keeps generated traits on anyhow::Result
    # the macros are read only when some file of the crate writes `anyhow: true` at all
    keep_host = bool(ctx.options.get("bindgen_anyhow")) or (
        any(word_search(_ANYHOW_TRUE, u.src.data) for u in ctx.crate_files or ())
        and any(word_search(_ANYHOW_TRUE, text(m).encode()) for _u, m in ctx.macro_calls({"bindgen"})))
    user_traits = _UserTraits(ctx)
    anyhow_fns = _AnyhowFns(ctx, user_traits)
    for unit in ctx.units:
        data = unit.src.data
        if b"anyhow" not in data:
            continue
        # what each kind of site needs written in the file (names resolve through the file's own
        # imports): a file with none is not parsed
        names_wasmtime = b"wasmtime" in data
        wasmtime_result = names_wasmtime and word_search(_WASMTIME_RESULT_SPELLED, data) is not None
        host = not keep_host and b"Host" in data and word_search(_HOST_IMPL_SPELLED, data) is not None
        wraps = b"func_wrap" in data or b"func_new" in data
        # a wasmtime constructor or fallible method is called by a name the file writes
        wasmtime_calls = names_wasmtime and (
            _CTOR_CALL_SPELLED.search(data) is not None or _FALLIBLE_METHOD_SPELLED.search(data) is not None)
        if not (wasmtime_result or host or wraps or wasmtime_calls):
            continue
        targets: list[Node] = []
        for n in walk_types(unit.src.root, ("function_item", "closure_expression")):
            if n.type == "function_item":
                ret = n.child_by_field_name("return_type")
                if ret is None:
                    continue
                if host and _in_host_impl(n, user_traits) and _rewrite_return(ctx, unit, ret):
                    targets.append(n)
                elif wasmtime_result and _returns(ctx, unit, ret, WASMTIME_RESULT):
                    targets.append(n)
            elif wraps and n.type == "closure_expression" and _wrap_closure(n):
                ret = n.child_by_field_name("return_type")
                if ret is not None and _rewrite_return(ctx, unit, ret):
                    targets.append(n)
        for fn in targets:
            _fix_body(ctx, unit, fn, anyhow_fns)
        if not wasmtime_calls:
            continue  # the anyhow bodies below are fixed only around calls that resolve to wasmtime's
        for n in walk_types(unit.src.root, ("function_item",)):
            if n.child_by_field_name("body") is not None:
                ret = n.child_by_field_name("return_type")
                if ret is not None and _returns(ctx, unit, ret, ANYHOW_RESULT) and n not in targets:
                    _fix_anyhow_body(ctx, unit, n)


# (the patterns below are searched as words: wasm_codemod.wordsearch)
# only `Host`-named traits matter (_in_host_impl): a file that defines none is not parsed for this
_HOST_TRAIT_DEF = re.compile(rb"trait\s+(r#)?Host")
# an impl of a Host trait: `impl<..> path::Host.. for T` (a header holds no `{` or `;` before `for`)
_HOST_IMPL_SPELLED = re.compile(rb"impl\b[^{;]*?\bHost[^{;]*?\bfor\b")
_ANYHOW_TRUE = re.compile(rb"anyhow\s*:\s*true")
# how `wasmtime::Result` can be named: written out, or imported by a braced, glob or renaming `use`
_WASMTIME_RESULT_SPELLED = re.compile(
    rb"wasmtime\s*::\s*(?:error\s*::\s*)?Result\b|wasmtime\b(?:\s*::\s*\w+)*\s*(?:::\s*[{*]|\s+as\b)")


class _UserTraits:
    """The crate's own `Host`/`HostFoo` traits, wherever they are defined (``name in traits``);
    looked for the first time a Host impl is asked about."""

    def __init__(self, ctx: StepContext) -> None:
        self._ctx = ctx
        self._names: set[str] | None = None

    def __contains__(self, name: object) -> bool:
        if self._names is None:
            self._names = set()
            for u in self._ctx.crate_files or ():
                self._names |= per_source(u.src, "42-host-traits", lambda u=u: _host_traits(u))
        return name in self._names


def _host_traits(u: RustUnit) -> frozenset[str]:
    if b"Host" not in u.src.data or word_search(_HOST_TRAIT_DEF, u.src.data) is None:  # the find is much faster
        return frozenset()
    return frozenset(name for n in walk_types(u.src.root, ("trait_item",))
                     if HOST_TRAIT.match(name := text(n.child_by_field_name("name"))))


def _in_host_impl(fn: Node, user_traits: Container[str]) -> bool:
    """A method of `impl <bindgen Host trait> for T`: a `Host`/`HostFoo` trait the crate does not define."""
    p = fn.parent
    if p is None or p.type != "declaration_list" or p.parent is None or p.parent.type != "impl_item":
        return False
    t = p.parent.child_by_field_name("trait")
    if t is None:
        return False
    if t.type == "generic_type":
        t = t.child_by_field_name("type")
    segs = path_of(t) if t is not None else None
    return bool(segs) and HOST_TRAIT.match(segs[-1]) is not None and segs[-1] not in user_traits  # type: ignore[index]


def _wrap_closure(n: Node) -> bool:
    args = n.parent
    if args is None or args.type != "arguments" or args.parent is None or args.parent.type != "call_expression":
        return False
    f = args.parent.child_by_field_name("function")
    if f is None:
        return False
    name = f.child_by_field_name("field") if f.type == "field_expression" else f.child_by_field_name("name")
    return name is not None and text(name) in WRAP_FNS


def _result_type_node(ret: Node) -> Node | None:
    if ret.type == "generic_type":
        return ret.child_by_field_name("type")
    if ret.type in ("type_identifier", "scoped_type_identifier"):
        return ret
    return None


def _returns(ctx: StepContext, unit: RustUnit, ret: Node, paths: set[tuple[str, ...]]) -> bool:
    t = _result_type_node(ret)
    return t is not None and ctx.resolves_to(unit, t, paths) is not None


def _rewrite_return(ctx: StepContext, unit: RustUnit, ret: Node) -> bool:
    """`anyhow::Result<T>` / `Result<T, anyhow::Error>` → `wasmtime::Result<T>` (True when changed)."""
    changed = False
    t = _result_type_node(ret)
    if t is not None and ctx.resolves_to(unit, t, ANYHOW_RESULT):
        ctx.replace(unit, t, "wasmtime::Result")
        changed = True
    for n in walk(ret):
        if n.type in ("type_identifier", "scoped_type_identifier") and n != t:
            if n.parent is not None and n.parent.type == "scoped_type_identifier":
                continue
            if ctx.resolves_to(unit, n, ANYHOW_ERROR):
                ctx.replace(unit, n, "wasmtime::Error")
                changed = True
    return changed


class _AnyhowFns:
    """The names of the crate's own fns that return `anyhow::Result` and are not host methods we
    rewrite, asked name by name (``name in fns``): only the files that write a name are read for it,
    so a crate whose `?` operands call no such name parses none of its other anyhow files."""

    def __init__(self, ctx: StepContext, traits: Container[str]) -> None:
        self._ctx, self._traits = ctx, traits
        self._answers: dict[str, bool] = {}
        self._per_file: dict[int, set[str]] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        hit = self._answers.get(name)
        if hit is None:
            # `anyhow::Result` is written (or imported) in a file that returns it, and the file
            # defines the fn: `fn name` is spelled in it
            defines = re.compile(rb"\bfn\s+(?:r#)?" + re.escape(name.encode()) + rb"\b")
            hit = any(name in self._defined_in(u) for u in self._ctx.units
                      if b"anyhow" in u.src.data and defines.search(u.src.data) is not None)
            self._answers[name] = hit
        return hit

    def _defined_in(self, u: RustUnit) -> set[str]:
        out = self._per_file.get(id(u))
        if out is None:
            out = self._per_file[id(u)] = set()
            for n in walk_types(u.src.root, ("function_item",)):
                if not _in_host_impl(n, self._traits):
                    ret = n.child_by_field_name("return_type")
                    if ret is not None and _returns(self._ctx, u, ret, ANYHOW_RESULT):
                        out.add(text(n.child_by_field_name("name")))
        return out


def _fix_body(ctx: StepContext, unit: RustUnit, fn: Node, anyhow_fns: _AnyhowFns) -> None:
    body = fn.child_by_field_name("body")
    if body is None:
        return
    # only these three types are acted on below: read them from the file's index
    for n in _within(unit.src.root, ("macro_invocation", "scoped_identifier", "try_expression"), body):
        if n.type in ("function_item", "closure_expression") and n != fn:
            continue  # nested items have their own return types (walk still descends; checked below)
        if _nested(n, body):
            continue
        if n.type == "macro_invocation":
            m = n.child_by_field_name("macro")
            full = ctx.resolves_to(unit, m, set(MACROS)) if m is not None else None
            if full is not None:
                ctx.replace(unit, m, MACROS[full])  # type: ignore[arg-type]
        elif n.type == "scoped_identifier":
            name, path = n.child_by_field_name("name"), n.child_by_field_name("path")
            if (name is not None and path is not None and text(name) in ERROR_CTORS
                    and ctx.resolves_to(unit, path, ANYHOW_ERROR)):
                ctx.replace(unit, path, "wasmtime::Error")
        elif n.type == "try_expression":
            inner = n.named_children[0] if n.named_children else None
            why = _anyhow_operand(inner, anyhow_fns)
            if inner is not None and why:
                ctx.insert(unit, inner.end_byte, FROM_ANYHOW)
                ctx.report(unit, n, f"{why}: added `{FROM_ANYHOW}` before `?` because the function now returns "
                           "`wasmtime::Result` and there is no `From<anyhow::Error> for wasmtime::Error`; if the "
                           "operand is already a `wasmtime::Result`, remove it (the compiler will say)", "review")


def _wasmtime_call(ctx: StepContext, unit: RustUnit, n: Node | None) -> bool:
    """`Engine::new(..)`, `Component::from_file(..)`, ...: a call that now returns `wasmtime::Result`."""
    if n is None or n.type != "call_expression":
        return False
    f = n.child_by_field_name("function")
    return f is not None and f.type == "scoped_identifier" and ctx.resolves_to(unit, f, WASMTIME_FALLIBLE) is not None


# methods of wasmtime's TypedFunc/Func/Linker/InstancePre (core and component) that return
# `wasmtime::Result`: as a returned value of an anyhow fn they need `Ok(..?)` from 42. The wrap is
# a no-op when the receiver turns out to be the project's own (its result already was anyhow's).
FALLIBLE_METHODS = frozenset({"call", "call_async", "instantiate", "instantiate_async", "get_typed_func",
                              "post_return", "post_return_async"})

# how a file can call them: `Engine::new(..)` (`wasmtime::Engine::new`, ...), or through a renaming
# import of the type (`use wasmtime::Engine as E;`: then any `E::new`), and `.call(..)`
_CTOR_CALL_SPELLED = re.compile(rb"\b(?:Engine|Module|Component)\s*(?:::\s*(?:"
                                + b"|".join(c.encode() for c in _CTORS) + rb")\b|\s+as\b)")
_FALLIBLE_METHOD_SPELLED = re.compile(rb"\.\s*(?:" + b"|".join(sorted(m.encode() for m in FALLIBLE_METHODS)) + rb")\b")


def _wasmtime_method_tail(n: Node) -> bool:
    """`f.call_async(&mut store, ()).await` / `linker.instantiate(..)` as the value a fn returns."""
    if n.type == "await_expression" and n.named_children:
        n = n.named_children[0]
    if n.type != "call_expression":
        return False
    f = n.child_by_field_name("function")
    if f is not None and f.type == "generic_function":
        f = f.child_by_field_name("function")
    return (f is not None and f.type == "field_expression"
            and text(f.child_by_field_name("field")) in FALLIBLE_METHODS)


def _fix_anyhow_body(ctx: StepContext, unit: RustUnit, fn: Node) -> None:
    """In a fn returning `anyhow::Result`, a `wasmtime::Result` no longer is one: anyhow's `.context`/
    `.with_context` do not apply to it (wasmtime's error is no `std::error::Error`) and it cannot be
    the returned value. `?` still converts (`From<wasmtime::Error> for anyhow::Error`)."""
    body = fn.child_by_field_name("body")
    if body is None:
        return
    for n in _context_calls(unit, body):
        if _nested(n, body):  # climbs to the body: asked only of the few `.context` sites
            continue
        recv = n.child_by_field_name("value")
        if _wasmtime_call(ctx, unit, recv) and n.parent is not None and n.parent.type == "call_expression":
            ctx.insert(unit, recv.end_byte, TO_ANYHOW)
            ctx.report(unit, n, f"added `{TO_ANYHOW}` before `.{text(n.child_by_field_name('field'))}(..)`: "
                       "this call returns `wasmtime::Result` from 42, which anyhow's `Context` does not "
                       "extend", "review")
    tail = body.named_children[-1] if body.named_children else None
    if tail is not None and tail.type != "expression_statement" and (
            _wasmtime_call(ctx, unit, tail) or (b"wasmtime" in unit.src.data and _wasmtime_method_tail(tail))):
        ctx.replace(unit, tail, f"Ok({text(tail)}?)")
        ctx.report(unit, tail, "wrapped the returned call in `Ok(..?)`: it returns `wasmtime::Result` from 42 "
                   "and the function returns `anyhow::Result`", "review")


def _within(root: Node, types: tuple[str, ...], node: Node) -> list[Node]:
    """``walk_types_within(root, types, node)``, one type at a time: asked of several types at once it
    sorts every node of those types in the file first (once per fn body here)."""
    out = [n for t in types for n in walk_types_within(root, (t,), node)]
    out.sort(key=lambda n: (n.start_byte, -n.end_byte))
    return out


def _context_calls(unit: RustUnit, body: Node) -> list[Node]:
    """The `x.context` / `x.with_context` field expressions in ``body``, in pre-order: found from
    where the bytes say `context` (a query of every field expression of the file costs more)."""
    data, root = unit.src.data, unit.src.root
    found: dict[int, Node] = {}
    i = data.find(b"context", body.start_byte, body.end_byte)
    while i != -1:
        leaf = root.descendant_for_byte_range(i, i + len(b"context"))
        p = leaf.parent if leaf is not None else None
        if (p is not None and p.type == "field_expression" and p.child_by_field_name("field") == leaf
                and text(leaf) in ("context", "with_context")):
            found[p.id] = p
        i = data.find(b"context", i + 1, body.end_byte)
    return sorted(found.values(), key=lambda n: (n.start_byte, -n.end_byte))


def _nested(n: Node, body: Node) -> bool:
    p = n.parent
    while p is not None and p != body:
        if p.type in ("function_item", "closure_expression"):
            return True
        p = p.parent
    return False


def _anyhow_operand(expr: Node | None, anyhow_fns: _AnyhowFns) -> str:
    """Why this `?` operand is (probably) an anyhow result, or ''."""
    if expr is None or expr.type != "call_expression":
        return ""
    f = expr.child_by_field_name("function")
    if f is None:
        return ""
    if f.type == "field_expression":
        name = text(f.child_by_field_name("field"))
        if name in ("context", "with_context"):
            return f"`.{name}(..)` (anyhow's `Context`) yields an `anyhow::Result`"
    elif f.type in ("identifier", "scoped_identifier"):
        name = text(f).split("::")[-1]
    else:
        return ""
    if name in anyhow_fns:
        return f"`{name}` returns `anyhow::Result`"
    return ""


def manifest(ctx: ManifestContext) -> None:
    deps = list(cargo.iter_deps(ctx.data))
    if not any(d.name == "anyhow" for d in deps):
        return
    for dep in deps:
        if dep.name != "wasmtime" or dep.workspace:
            continue
        item = dep.item
        if not hasattr(item, "get"):
            continue
        dflt = item.get("default-features", item.get("default_features"))
        if dflt is None or bool(dflt):
            continue
        feats = item.get("features")
        if feats is not None and "anyhow" in [str(x) for x in feats]:
            continue
        # checked on the plain data; edited in the text when it can be, else in the document
        if feats is not None or not ctx.add_key((*dep.path, dep.key), "features", ["anyhow"]):
            item = cargo.live_dep(ctx.doc, dep).item
            feats = item.get("features")
            if feats is None:
                import tomlkit

                feats = tomlkit.array()
                item["features"] = feats
            feats.append("anyhow")
        ctx.changed = True
        ctx.report(ctx.line_of_key(dep.key), "`default-features = false`: added the `anyhow` feature of wasmtime "
                   "(on by default from 42); it provides `From<wasmtime::Error> for anyhow::Error` and "
                   "`wasmtime::Error::from_anyhow`", severity="info")


# Where an anyhow value meets a wasmtime one through types the syntax does not show (a binding, a
# helper in another crate), rustc names both error types. Checked in wasmtime-internal-core 42.0.2:
# `Error::from_anyhow(anyhow::Error) -> Error`; `From<wasmtime::Error> for anyhow::Error` (feature
# `anyhow`, default on). The spans are expressions; only postfix chains get a method appended.
_POSTFIX = r"[A-Za-z_][\w:]*!?(?:\.\w+|\((?:[^()]|\([^()]*\))*\)|\?)*"  # `!`: `anyhow!(..)` is one too
_RESULT = r"^(?=.*Result<)"  # the mismatch is inside a `Result` (rustc highlights only the error types)


# anyhow's error as rustc names it: `anyhow::Error`, or a re-export's path (`extism_convert::Error`)
# when a note says that type "is defined in crate `anyhow`"; `{anyhow}` in a fix is that path
_ANYHOW = r"(?P<anyhow>anyhow::Error|[\w:]+(?=`.*is defined in crate `anyhow`))"
_WASMTIME = "wasmtime::Error"


def _both_ways(found: str, expected: str, convert: str, wrap: str) -> tuple[CompilerFix, ...]:
    """A `Result` gets `.map_err(convert)`, a bare error `wrap(..)`: tried in the order the message
    suggests; a wrong guess errs on its own line and is rolled back, and the next one is tried."""
    msg = rf"expected `{expected}`, found `{found}`"
    names = {_ANYHOW: "anyhow::Error", _WASMTIME: _WASMTIME}
    f, e = names[found], names[expected]

    def map_err(pattern: str) -> CompilerFix:
        return CompilerFix("E0308", pattern, replace=f"{{span}}.map_err({convert})", span=_POSTFIX,
                           note=f"{f} result where a {e} one is expected: .map_err({convert})")

    call = CompilerFix("E0308", msg, replace=f"{wrap}({{span}})", span=_POSTFIX,
                       note=f"{f} where a {e} is expected: {wrap}(..)")
    return (map_err(_RESULT + ".*" + msg), call, map_err(msg))


COMPILER_FIXES = (
    *_both_ways(_ANYHOW, _WASMTIME, "wasmtime::Error::from_anyhow", "wasmtime::Error::from_anyhow"),
    *_both_ways(_WASMTIME, _ANYHOW, "{anyhow}::from", "{anyhow}::from"),
    CompilerFix("E0277", r"`\?` couldn't convert the error.*`wasmtime::Error` to implement `From<anyhow::Error>`",
                span=r"\?", replace=".map_err(wasmtime::Error::from_anyhow)?",
                note="`?` on an anyhow::Result in a fn returning wasmtime::Result: .map_err(from_anyhow)?"),
    # anyhow's `Context` needs a std error, which wasmtime::Error is not from 42; the step does this
    # where it sees the wasmtime call, rustc names the type where a helper or binding hides it
    CompilerFix("E0599", r"^the method `(?:with_)?context` exists for enum `(?:std::result::)?Result<.*, "
                         r"wasmtime::Error>`, but its trait bounds were not satisfied.*: anyhow::Context<",
                span=r"(?:with_)?context", replace="map_err(anyhow::Error::from).{span}",
                note="anyhow's `.context()` on a wasmtime::Result: .map_err(anyhow::Error::from) first"),
)

STEP = Step(
    id="wasmtime-42-error-type",
    family="wasmtime",
    from_version="41",
    to_version="42",
    safety=Safety.REVIEW,
    title="Return wasmtime::Result where wasmtime expects its own error",
    summary="In bindgen `Host` impls and `func_wrap` closures turn `anyhow::Result` into `wasmtime::Result`; inside "
            "functions returning `wasmtime::Result` use `wasmtime::{bail, ensure, format_err}` and "
            "`wasmtime::Error::msg`, convert `?` on anyhow results, and keep the `anyhow` feature when "
            "`default-features = false`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12309",
    prefilter=(b"anyhow",),
    apply=apply,
    manifest=manifest,
    compiler_fixes=COMPILER_FIXES,
)
