"""E30.2: the wasi-io types were renamed at 30, and three of the old names were reused for other items.

`Subscribe` became `Pollable` while the old `Pollable` became `DynPollable` (likewise for the
input/output streams). The engine carries every path through each step's moves exactly once, so
the swap is applied simultaneously: a `Pollable` written for 29 never turns into a trait.
"""

from __future__ import annotations

import re

from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import walk
from wasm_codemod.rust.paths import MoveChain, rewrite_paths
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi import paths

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


# an intra-doc link to a simple name: [`HostOutputStream`]
DOC_LINK = re.compile(rb"\[`([A-Za-z_][A-Za-z0-9_]*)`\]")


def _doc_links(ctx: StepContext, unit: RustUnit) -> None:
    """Doc links name the old items through the file's imports: they follow the rename (rustdoc
    warns on a dangling link, and a link to the old name would now point at the other item)."""
    for n in walk(unit.src.root):
        if n.type != "doc_comment":
            continue
        for m in DOC_LINK.finditer(unit.src.data, n.start_byte, n.end_byte):
            name = m.group(1).decode()
            full = unit.names.lookup(name, n)
            new = MOVES.get("::".join(full)) if full else None
            if new:
                ctx.replace(unit, (m.start(1), m.end(1)), new.rsplit("::", 1)[-1])


def _uses(ctx: StepContext, wanted: set) -> bool:
    for u in ctx.units:
        for n in walk(u.src.root):
            if n.type in ("identifier", "type_identifier", "scoped_identifier", "scoped_type_identifier"):
                segs = path_of(n)
                if segs and segs[-1] in {w[-1] for w in wanted} and u.names.resolve(segs, n, wanted) in wanted:
                    return True
    return False


def apply(ctx: StepContext) -> None:
    """The swap is done here, not with `moves`: a second run over 30 code must not rename `Pollable` again.

    The renames are expressed at the 30 spelling (crate root); the engine's net path pass then
    carries them on (e.g. into `p2` at 33).
    """
    if not _uses(ctx, OLD_ONLY) and (_uses(ctx, NEW_ONLY) or ctx.impls(NEW_TRAITS)):
        return  # already written for 30 (`DynPollable`, or `Pollable` implemented as a trait)
    chain = MoveChain.of([(STEP_ID, MOVES)])
    for u in ctx.units:
        pr = rewrite_paths(u.src, chain, {"bindgen"})
        for e in pr.edits.edits:
            if not u.edits.try_add(e):
                ctx.report(u, e.start, "overlapping rewrite skipped; rename the wasi-io names here by hand")
        _doc_links(ctx, u)
        seen = set()
        for issue in pr.issues:
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
