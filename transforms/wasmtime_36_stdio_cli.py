"""E36.3: the stdio traits and types moved from `wasmtime_wasi::p2` to `wasmtime_wasi::cli` and were reshaped.

Paths move (data). `AsyncStdoutStream::new(AsyncWriteStream::new(budget, w))` and
`AsyncStdinStream::new(AsyncReadStream::new(r))` lose the inner adapter (the constructors take
the tokio writer/reader directly at 36). Custom `impl StdoutStream`/`impl StdinStream` blocks need
an `AsyncWrite`/`AsyncRead` source and are reported.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.calls import classify_receiver, defined_methods, method_calls
from wasm_codemod.rust.impls import ImplBlock, item_with_attrs_start
from wasm_codemod.rust.names import flatten_use
from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi import paths

_CLI = ["StdinStream", "StdoutStream", "OutputFile", "InputFile", "AsyncStdinStream", "AsyncStdoutStream",
        "stdin", "stdout", "stderr", "Stdin", "Stdout", "Stderr"]

STDOUT_TRAIT = paths("wasmtime_wasi::StdoutStream", "wasmtime_wasi::p2::StdoutStream")
STDIN_TRAIT = paths("wasmtime_wasi::StdinStream", "wasmtime_wasi::p2::StdinStream")
ASYNC_STDOUT = paths("wasmtime_wasi::AsyncStdoutStream", "wasmtime_wasi::p2::AsyncStdoutStream")
ASYNC_STDIN = paths("wasmtime_wasi::AsyncStdinStream", "wasmtime_wasi::p2::AsyncStdinStream")
WRITE_STREAM = paths("wasmtime_wasi::pipe::AsyncWriteStream", "wasmtime_wasi::p2::pipe::AsyncWriteStream")
READ_STREAM = paths("wasmtime_wasi::pipe::AsyncReadStream", "wasmtime_wasi::p2::pipe::AsyncReadStream")

# wasmtime-wasi's own implementors of the stdio traits at 35 (their `stream()` is the trait's)
_IMPLEMENTORS = paths(*(f"wasmtime_wasi::{m}{n}" for m in ("", "p2::") for n in (
    "pipe::MemoryInputPipe", "pipe::ClosedInputStream", "pipe::MemoryOutputPipe", "pipe::SinkOutputStream",
    "pipe::ClosedOutputStream", "InputFile", "OutputFile", "AsyncStdinStream", "AsyncStdoutStream", "Stdin",
    "Stdout", "Stderr")))

_IMPL_HELP = {
    "StdoutStream": ("AsyncWrite", "Box<dyn tokio::io::AsyncWrite + Send + Sync>", "OutputStream",
                     "Box<dyn OutputStream>"),
    "StdinStream": ("AsyncRead", "Box<dyn tokio::io::AsyncRead + Send + Sync>", "InputStream",
                    "Box<dyn InputStream>"),
}


def apply(ctx: StepContext) -> None:
    for traits, name in ((STDOUT_TRAIT, "StdoutStream"), (STDIN_TRAIT, "StdinStream")):
        for imp in ctx.impls(traits):
            _reshape_impl(ctx, imp, name)
    _p2_stream_calls(ctx)
    for unit in ctx.units:
        if b"AsyncStd" not in unit.src.data:
            continue  # a path resolves to a candidate only if the file spells its name (in it or its `use`)
        for call in walk_types(unit.src.root, ("call_expression",)):
            target = _ctor(ctx, unit, call)
            if target is None:
                continue
            args = call.child_by_field_name("arguments")
            inner = [a for a in (args.named_children if args else []) if a.type not in ("line_comment",
                                                                                            "block_comment")]
            want, arity, kind = ((WRITE_STREAM, 2, "AsyncWriteStream") if target == "out"
                                 else (READ_STREAM, 1, "AsyncReadStream"))
            ok = len(inner) == 1 and inner[0].type == "call_expression" and _is_new_of(ctx, unit, inner[0], want)
            inner_args = None
            if ok:
                ia = inner[0].child_by_field_name("arguments")
                inner_args = [a for a in (ia.named_children if ia else []) if a.type not in ("line_comment",
                                                                                              "block_comment")]
                ok = len(inner_args) == arity
            name = "AsyncStdoutStream" if target == "out" else "AsyncStdinStream"
            if not ok or inner_args is None or args is None:
                sig = "(budget: usize, w: impl AsyncWrite + Send + Sync + 'static)" if target == "out" \
                    else "(r: impl AsyncRead + Send + Sync + 'static)"
                ctx.report(unit, call, f"`{name}::new` takes the tokio {'writer' if target == 'out' else 'reader'} "
                           f"directly at 36: `wasmtime_wasi::cli::{name}::new{sig}`; pass what you gave "
                           f"`{kind}::new` instead of the `{kind}`")
                continue
            ia = inner[0].child_by_field_name("arguments")
            assert ia is not None
            ctx.replace(unit, args, text(ia))
            ctx.report(unit, call, f"`{name}::new` now takes the tokio {'writer' if target == 'out' else 'reader'} "
                       f"directly (the `{kind}` adapter was dropped); it must also be `Sync` now", "review")


def _reshape_impl(ctx: StepContext, imp: ImplBlock, name: str) -> None:
    """A 35 `impl StdoutStream/StdinStream for X { fn stream; fn isatty }`: `stream` is `p2_stream` at 36 and
    `isatty` moves into `impl wasmtime_wasi::cli::IsTerminal for X { fn is_terminal }` (the trait's new
    supertrait) right below; the required `async_stream` needs a tokio writer/reader: reported."""
    unit: RustUnit = imp.unit  # type: ignore[assignment]
    methods = imp.methods()
    if "p2_stream" in methods or "async_stream" in methods or not ({"stream", "isatty"} & set(methods)):
        return  # already 36-shaped (or not wasmtime-wasi's 35 trait)
    stream = methods.get("stream")
    if stream is not None and (nm := stream.child_by_field_name("name")) is not None:
        ctx.replace(unit, nm, "p2_stream")
    isatty = methods.get("isatty")
    moved = False
    if isatty is not None and "is_terminal" not in methods:
        start = item_with_attrs_start(isatty)
        nm = isatty.child_by_field_name("name")
        assert nm is not None
        data = unit.src.data
        fn_text = (data[start:nm.start_byte] + b"is_terminal" + data[nm.end_byte:isatty.end_byte]).decode()
        ind = unit.src.indent_at(imp.node.start_byte)
        # the where clause as the impl writes it (between the type and the `{`)
        where = data[imp.type_node.end_byte:imp.body.start_byte].decode()
        # spelled like the impl spells its trait: a full path, or an imported name
        term = "wasmtime_wasi::cli::IsTerminal"
        if "::" not in text(imp.trait_node):
            term = ctx.import_name(unit, term, imp.node)
        block = (f"\n\n{ind}impl{imp.generics} {term} for {imp.self_type}{where}{{\n"
                 f"{ind}    {fn_text}\n{ind}}}")
        if ctx.delete_item(unit, isatty) and ctx.insert(unit, imp.node.end_byte, block):
            moved = True
    io, boxed, p2_trait, p2_box = _IMPL_HELP[name]
    done = "`fn stream` became `fn p2_stream`" + (", `isatty` moved into `impl wasmtime_wasi::cli::IsTerminal`"
                                                  if moved else "")
    todo = "" if moved or isatty is None else (f"; move `fn isatty(&self) -> bool` into `impl "
                                               f"wasmtime_wasi::cli::IsTerminal for {imp.self_type} {{ fn "
                                               f"is_terminal(&self) -> bool {{ .. }} }}`")
    ctx.report(unit, imp.node,
               f"`{name}` was reshaped at 36 (now `wasmtime_wasi::cli::{name}: IsTerminal + Send`): {done}{todo}; "
               f"add the required `fn async_stream(&self) -> {boxed}` returning a tokio `{io}` for the same sink "
               f"(used by WASIp1 and p3 guests; `p2_stream(&self) -> {p2_box}` has a default built on it, so "
               f"yours can go once `async_stream` exists)")


def _p2_stream_calls(ctx: StepContext) -> None:
    """`x.stream()` in a file that imports `StdinStream`/`StdoutStream` (the trait must be in scope to call
    it) is the trait's method, renamed `p2_stream` at 36; unless the receiver is declared as another
    type, or the crate defines a `stream` of its own outside its impls of these traits (then report)."""
    own = {imp.node.id for imp in ctx.impls(STDOUT_TRAIT | STDIN_TRAIT)}
    shadowed: bool | None = None
    for unit in ctx.units:
        if b"stream()" not in unit.src.data or not _imports_trait(unit):
            continue
        for c in method_calls(unit.src.root, {"stream"}):
            if c.args:
                continue
            kind = classify_receiver(unit.names, c.receiver, _IMPLEMENTORS)
            if kind == "other":
                continue
            if kind == "unknown" and shadowed is None:
                shadowed = defined_methods(ctx.crate_roots(), "stream", own)
            if kind == "ours" or not shadowed:
                ctx.replace(unit, c.name, "p2_stream")
            else:
                ctx.report(unit, c.call, "if this is `StdinStream::stream`/`StdoutStream::stream`, it is "
                           "`p2_stream()` at 36 (the crate defines another `stream` method, so it was left)",
                           "review")


def _imports_trait(unit: RustUnit) -> bool:
    """The file imports one of the stdio traits (by name or `as _`)."""
    wanted = STDOUT_TRAIT | STDIN_TRAIT
    for decl in walk_types(unit.src.root, ("use_declaration",)):
        for leaf in flatten_use(decl):
            if not leaf.path:
                continue
            full = unit.names.resolve(leaf.path, decl, wanted)
            if leaf.path in wanted or full in wanted:
                return True
    return False


def _ctor(ctx: StepContext, unit, call: Node) -> str | None:
    """"out"/"in" when ``call`` is `AsyncStdoutStream::new(..)` / `AsyncStdinStream::new(..)`."""
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "scoped_identifier":
        return None
    name, path = fn.child_by_field_name("name"), fn.child_by_field_name("path")
    if name is None or path is None or text(name) != "new":
        return None
    if ctx.resolves_to(unit, path, ASYNC_STDOUT):
        return "out"
    if ctx.resolves_to(unit, path, ASYNC_STDIN):
        return "in"
    return None


def _is_new_of(ctx: StepContext, unit, call: Node, types: set) -> bool:
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "scoped_identifier":
        return False
    name, path = fn.child_by_field_name("name"), fn.child_by_field_name("path")
    return name is not None and path is not None and text(name) == "new" \
        and ctx.resolves_to(unit, path, types) is not None


STEP = Step(
    id="wasmtime-36-stdio-cli",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.REVIEW,
    title="Move the stdio traits and types to wasmtime_wasi::cli",
    summary="Rewrite `wasmtime_wasi::p2::{StdinStream, StdoutStream, OutputFile, InputFile, AsyncStdinStream, "
            "AsyncStdoutStream, stdin, stdout, stderr}` to `wasmtime_wasi::cli::...`, unwrap the "
            "`AsyncWriteStream`/`AsyncReadStream` passed to the async stdio constructors, and report custom "
            "stdio trait impls.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11368",
    prefilter=tuple(n.encode() for n in ("StdinStream", "StdoutStream", "OutputFile", "InputFile", "stdin",
                                         "stdout", "stderr", "Stdin", "Stdout", "Stderr")),
    apply=apply,
    moves={f"wasmtime_wasi::p2::{n}": f"wasmtime_wasi::cli::{n}" for n in _CLI},
)
