"""E48.1: `DirPerms` + `FilePerms` became one `FsPerms` enum; `preopened_dir` takes 3 arguments.

`FsPerms` has two values. Published 48 source: `ReadOnly` opens the preopen with read access
only, `ReadWrite` with read and write (46: `DirPerms::READ` gave read, `DirPerms::MUTATE` write;
`FilePerms::WRITE` allowed writing files). A literal pair maps exactly when both halves agree:
read-only on both sides -> `ReadOnly`, everything on both sides -> `ReadWrite`. Mixed or computed
permissions have no equivalent and are reported with the two choices.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.calls import method_calls
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

from ._wasi import paths

DIR = paths("wasmtime_wasi::DirPerms")
FILE = paths("wasmtime_wasi::FilePerms")
FS_PERMS = "wasmtime_wasi::FsPerms"
_ALL = {"DIR": frozenset({"READ", "MUTATE"}), "FILE": frozenset({"READ", "WRITE"})}


def _flags(ctx: StepContext, unit: RustUnit, expr: Node, kind: str) -> frozenset[str] | None:
    """The literal flag set of `DirPerms::READ | DirPerms::MUTATE`, `DirPerms::all()`, ... or None."""
    types = DIR if kind == "DIR" else FILE
    while expr.type == "parenthesized_expression":
        expr = expr.named_children[0]
    if expr.type == "binary_expression":
        op = expr.child_by_field_name("operator")
        left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
        if op is None or text(op) != "|" or left is None or right is None:
            return None
        a, b = _flags(ctx, unit, left, kind), _flags(ctx, unit, right, kind)
        return a | b if a is not None and b is not None else None
    if expr.type == "call_expression":
        fn = expr.child_by_field_name("function")
        args = expr.child_by_field_name("arguments")
        if fn is None or fn.type != "scoped_identifier" or args is None or args.named_children:
            return None
        path, name = fn.child_by_field_name("path"), fn.child_by_field_name("name")
        if path is None or name is None or not ctx.resolves_to(unit, path, types):
            return None
        return {"all": _ALL[kind], "empty": frozenset()}.get(text(name))
    if expr.type == "scoped_identifier":
        path, name = expr.child_by_field_name("path"), expr.child_by_field_name("name")
        if path is None or name is None or not ctx.resolves_to(unit, path, types):
            return None
        flag = text(name)
        return frozenset({flag}) if flag in _ALL[kind] else None
    return None


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for call in method_calls(unit.src.root, {"preopened_dir"}):
            if len(call.args) != 4:
                continue
            d, f = call.args[2], call.args[3]
            dflags, fflags = _flags(ctx, unit, d, "DIR"), _flags(ctx, unit, f, "FILE")
            if dflags == _ALL["DIR"] and fflags == _ALL["FILE"]:
                choice = "ReadWrite"
            elif dflags == frozenset({"READ"}) and fflags == frozenset({"READ"}):
                choice = "ReadOnly"
            else:
                what = ("these permissions are computed" if dflags is None or fflags is None
                        else f"`{text(d)}, {text(f)}` has no exact equivalent")
                ctx.report(unit, call.call,
                           f"`preopened_dir` takes one `wasmtime_wasi::FsPerms` at 48 and {what}: replace the "
                           f"last two arguments with `FsPerms::ReadOnly` (no writes at all; the safe choice) or "
                           f"`FsPerms::ReadWrite` (directory mutation and file writes)")
                continue
            name = ctx.import_name(unit, FS_PERMS, call.call)
            ctx.replace(unit, (d.start_byte, f.end_byte), f"{name}::{choice}")


STEP = Step(
    id="wasmtime-48-fs-perms",
    family="wasmtime",
    from_version="47",
    to_version="48",
    safety=Safety.SAFE,
    title="Replace DirPerms and FilePerms with FsPerms",
    summary="Rewrite `preopened_dir(host, guest, DirPerms::X, FilePerms::Y)` to "
            "`preopened_dir(host, guest, FsPerms::ReadOnly|ReadWrite)` when the pair maps exactly; report the rest.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/14010",
    prefilter=(b"DirPerms", b"FilePerms", b"preopened_dir"),  # the engine shows the step no other file
    apply=apply,
    moves={"wasmtime_wasi::DirPerms": None, "wasmtime_wasi::FilePerms": None},
    removed_hints={
        "wasmtime_wasi::DirPerms": "use `wasmtime_wasi::FsPerms::ReadOnly` or `FsPerms::ReadWrite` (one value for "
                                   "directory and files)",
        "wasmtime_wasi::FilePerms": "use `wasmtime_wasi::FsPerms::ReadOnly` or `FsPerms::ReadWrite` (one value for "
                                    "directory and files)",
    },
)
