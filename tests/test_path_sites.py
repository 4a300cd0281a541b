"""The path pass finds the qualified paths it may rewrite from where the bytes spell their first
segment (`_Rewriter._scoped_paths`), not by walking every path of the file: it must find every
path a full walk would have acted on."""

from __future__ import annotations

from pathlib import Path

import pytest

from wasm_codemod.plan import load_registry, make_plan
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import in_use_declaration, walk
from wasm_codemod.rust.paths import MoveChain, _Rewriter
from wasm_codemod.source import SourceFile

ROOT = Path(__file__).resolve().parent.parent
RS_FILES = sorted(p for d in ("golden", "examples", "tests/fixtures") for p in (ROOT / d).rglob("*.rs")
                  if "target" not in p.parts)
SCOPED = ("scoped_identifier", "scoped_type_identifier")


def _walked_sites(rw: _Rewriter) -> set[int]:
    """What the pass acted on before: every outermost path outside `use` whose head resolves into
    the chain's crates (the checks `_code_paths` and `_rewrite_site` make before mapping it)."""
    out = set()
    for node in walk(rw.src.root):
        if node.type not in SCOPED:
            continue
        parent = node.parent
        if parent is not None and parent.type in SCOPED and parent.child_by_field_name("path") == node:
            continue
        if in_use_declaration(node):
            continue
        segs = path_of(node)
        if segs is None or segs[0] in ("crate", "self", "super"):
            continue
        head = rw.names.lookup(segs[0], node)
        if head is None and rw.names.lookup(segs[0], node, rw.known) is not None:
            continue
        if rw._relevant(segs if head is None else head + segs[1:]):
            out.add(node.id)
    return out


def _sources() -> list[SourceFile]:
    out = []
    for p in RS_FILES:
        src = SourceFile.from_bytes(str(p), p.read_bytes())
        if not src.root.has_error:
            out.append(src)
    return out


def test_there_are_files_to_check():
    assert len(RS_FILES) > 300


def test_every_path_into_the_upgrade_chain_is_found():
    reg = load_registry()
    plan = make_plan(reg, "wasmtime", "29", "50")
    chain = MoveChain.of((s.id, s.moves) for s in plan.steps)
    assert {"wasmtime", "wasmtime_wasi"} <= chain.roots
    found = 0
    for src in _sources():
        rw = _Rewriter(src, chain, set())
        walked = _walked_sites(rw)
        assert walked <= {n.id for n in rw._scoped_paths()}, src.path
        found += len(walked)
    assert found > 500


@pytest.mark.parametrize("part", range(4))
def test_every_path_is_found_when_every_head_is_a_moved_crate(part: int):
    # a chain whose roots are every name a file writes first in a path or binds by `use`: each
    # outermost path is then one the pass acts on, `::a::b`, `a::b::<T>` and macros' neighbours included
    checked = 0
    for src in _sources()[part::4]:
        heads = {t.decode() for t in _words(src.data)}
        chain = MoveChain.of([("s", {f"{h}::__no_such_item": None for h in heads})])
        rw = _Rewriter(src, chain, set())
        walked = _walked_sites(rw)
        assert walked <= {n.id for n in rw._scoped_paths()}, src.path
        checked += len(walked)
    assert checked > 500


def _words(data: bytes) -> set[bytes]:
    import re

    return set(re.findall(rb"[A-Za-z_][A-Za-z0-9_]*", data)) - {b"crate", b"self", b"super"}


def test_leading_colons_renamed_imports_and_generic_heads():
    code = b"""use wasmtime as w;
use wasmtime::component::{self as wc};
fn f() -> ::wasmtime::Result<()> {
    let _e = ::wasmtime::Engine::default();
    let _c = w::Config::new();
    let _l: wc::Linker<()> = wc::Linker::new(todo!());
    let _v = Vec::<::wasmtime::Val>::new();
    let _t: ::Engine = todo!();
    let _s = "wasmtime::Engine"; // wasmtime::Store
    Ok(())
}
"""
    src = SourceFile.from_bytes("x.rs", code)
    chain = MoveChain.of([("s", {"wasmtime::__no_such_item": None, "Engine::__no_such_item": None})])
    rw = _Rewriter(src, chain, set())
    walked = _walked_sites(rw)
    got = {n.id: n.text.decode() for n in rw._scoped_paths()}
    assert walked <= got.keys()
    assert sorted(got[i] for i in walked) == sorted([
        "::wasmtime::Result", "::wasmtime::Engine::default", "w::Config::new", "wc::Linker", "wc::Linker::new",
        "::wasmtime::Val", "::Engine"])


def test_a_file_the_pass_would_change_or_report_is_never_skipped_by_its_text_gate():
    from wasm_codemod.rust.paths import rewrite_paths

    acted = 0
    for cur in ("29", "33", "36", "40"):
        plan = make_plan(load_registry(), "wasmtime", cur, "50")
        chain = MoveChain.of((s.id, s.moves) for s in plan.steps)
        for src in _sources():
            res = rewrite_paths(src, chain, set())
            if res.edits or res.issues:
                acted += 1
                assert chain.may_touch(src.data), (cur, src.path)
    assert acted > 100
    chain = MoveChain.of([("s", {"wasmtime::Engine": "wasmtime::Motor"})])
    assert not chain.may_touch(b"use my_wasmtime::Engine; use wasmtime_wasi::Engine;")
    assert chain.may_touch(b"use wasmtime::*; fn f(e: Engine) {}")
