"""From wit-bindgen 0.27 interfaces of other packages are generated only when asked (`generate_all`).

Up to 0.26 `generate!` generated every interface the world reaches that `with` does not remap. 0.27
generates only the world's own package by default (wit-bindgen-rust-0.27.0/src/lib.rs:860-870) and
fails on any other interface that is neither remapped nor asked for ("no remapping found for ..",
wit-bindgen-rust-0.27.0/src/lib.rs:309-313); the new flag `generate_all`
(wit-bindgen-rust-macro-0.27.0/src/lib.rs:102-104,405-407) restores the old default for everything
not in `with`. Adding it is therefore exactly the pre-0.27 behaviour; it is added when the WIT the call
reads mentions another package (`ns:pkg/..`), or when that WIT cannot be read here.
"""

from __future__ import annotations

import re

from wasm_codemod.rust.guest import generate_calls, wit_roots
from wasm_codemod.rust.macro_options import MacroOptions, add_entry
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext, is_wit_file

from ._guest import template_generate_calls, template_option

FLAG = "generate_all"
_COMMENT = re.compile(rb"//[^\n]*|/\*.*?\*/", re.S)
_PACKAGE = re.compile(rb"^\s*package\s+%?([a-z][\w-]*:[%\w-]+(?::[%\w-]+)*)", re.M)
_REF = re.compile(rb"(?<![\w%-])%?([a-z][\w-]*):%?([a-z][\w-]*)/")


def _mentions_other_package(texts: list[bytes]) -> bool:
    own: set[str] = set()
    refs: set[str] = set()
    for t in texts:
        t = _COMMENT.sub(b"", t)
        own |= {m.group(1).decode().split("@")[0] for m in _PACKAGE.finditer(t)}
        refs |= {f"{a.decode()}:{b.decode()}" for a, b in _REF.findall(t)}
    return bool(refs - own)


def _wit_texts(ctx: StepContext, opts: MacroOptions) -> list[bytes] | None:
    """The WIT of the call's own package(s): the files directly in its WIT dirs (not `deps/`), and
    `inline:`. None when it cannot be read here."""
    out: list[bytes] = []
    inline = opts.get("inline")
    if inline is not None:
        if inline.value.kind != "string":
            return None
        out.append(inline.value.text.encode())
    root = ctx.inputs.dir
    if root is None:
        return out or None
    paths = wit_roots(opts, root, exists=lambda p: ctx.wit_files(p) is not None)
    if inline is not None and opts.get("path") is None:
        paths = []  # before 0.45 `inline:` alone reads nothing else
    for p in paths:
        files = ctx.wit_files(p)
        if files is None:
            return None
        if is_wit_file(files, p):
            out.append(files[0].data)  # a file
            continue
        direct = [f.data for f in files if "/" not in f.inner]
        if not direct:
            return None
        out.extend(direct)
    return out or None


def _has_flag(opts: MacroOptions) -> bool:
    return any(c.type == "identifier" and text(c) == FLAG for c in opts.body.children)


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for gen, body in template_generate_calls(unit.src.root):
            if template_option(body, FLAG) is None:
                ctx.report(unit, gen, f"this `wit_bindgen::generate!` template: add `{FLAG}` to its options if its "
                           "WIT uses other packages (from wit-bindgen 0.27 they are generated only when asked)",
                           severity="review")
    for unit, node, opts in generate_calls(ctx):
        if _has_flag(opts):
            continue
        texts = _wit_texts(ctx, opts)
        if texts is not None and not _mentions_other_package(texts):
            continue
        if opts.shorthand is not None:
            world, path = opts.shorthand
            parts = [f'world: "{world}"'] + ([f'path: "{path}"'] if path is not None else []) + [FLAG]
            ctx.replace(unit, opts.body, "({ " + ", ".join(parts) + " })")
        elif not add_entry(unit.src, unit.edits, opts.options, FLAG, ctx.step.id):
            ctx.report(unit, node, f"add `{FLAG}` to this `generate!` (wit-bindgen 0.27 generates interfaces of "
                       "other packages only when asked)")


STEP = Step(
    id="wit-bindgen-0.27-generate-all",
    family="wit-bindgen",
    from_version="0.26",
    to_version="0.27",
    safety=Safety.SAFE,
    title="Add generate_all to generate!",
    summary="Add `generate_all` to `generate!` calls whose WIT uses other packages: from wit-bindgen 0.27 "
            "interfaces outside the world's package are generated only when remapped or asked for.",
    upstream="https://crates.io/crates/wit-bindgen/0.27.0",
    prefilter=(b"generate",),
    apply=apply,
)
