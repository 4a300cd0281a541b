"""The use-tree model, as properties: printing parsed leaves gives back the same imports, and a
move map moves exactly the mapped paths (generated trees here; every `use` of the local cargo
registry in the slow tier)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wasm_codemod.rust.names import flatten_use
from wasm_codemod.rust.parse import walk
from wasm_codemod.rust.paths import MoveChain, print_use_tree, rewrite_paths
from wasm_codemod.source import SourceFile

Leaf = tuple[tuple[str, ...], str | None, bool]  # (path, alias, glob)

SEGS = ["a", "b", "c", "m", "n", "wasmtime", "wasmtime_wasi", "p2", "io"]
NAMES = ["X", "Y", "Z", "WasiCtx", "WasiView", "IoView", "Engine"]


def leaves_of(code: bytes) -> set[Leaf]:
    src = SourceFile.from_bytes("x.rs", code)
    assert not src.root.has_error, code.decode()
    out: set[Leaf] = set()
    for decl in walk(src.root):
        if decl.type == "use_declaration":
            for lf in flatten_use(decl):
                # `m::{self}` and `m` import the same module (rustfmt writes the second)
                out.add((lf.path, lf.alias, lf.glob))
    return out


def entry_of(lf) -> Leaf:
    """A leaf as the rewriter prints it: a `self` import stays `m::{self}`."""
    return (lf.path + ("self",), lf.alias, False) if lf.is_self else (lf.path, lf.alias, lf.glob)


def _tree(depth: int) -> st.SearchStrategy[str]:
    """A random use tree, as Rust text."""
    name = st.sampled_from(NAMES)
    leaf = st.one_of(
        name,
        st.tuples(name, st.sampled_from(["A1", "B2", "_"])).map(lambda t: f"{t[0]} as {t[1]}"),
        st.just("*"),
    )
    if depth == 0:
        return leaf
    prefix = st.lists(st.sampled_from(SEGS), min_size=0, max_size=2).map("::".join)
    group = st.lists(_tree(depth - 1), min_size=1, max_size=4, unique=True).map(lambda xs: "{" + ", ".join(xs) + "}")
    self_group = st.lists(_tree(depth - 1), min_size=1, max_size=3, unique=True).map(
        lambda xs: "{self, " + ", ".join(xs) + "}")
    return st.one_of(
        leaf,
        st.tuples(prefix, st.one_of(group, self_group, leaf)).map(
            lambda t: (t[0] + "::" + t[1]) if t[0] else (t[1] if t[1].startswith("{") else "m::" + t[1])),
    )


use_tree = st.tuples(st.sampled_from(SEGS), _tree(3)).map(lambda t: f"{t[0]}::{t[1]}")
root_group = st.lists(use_tree, min_size=2, max_size=4, unique=True).map(lambda xs: "{" + ", ".join(xs) + "}")


def _valid(entries: set[Leaf]) -> bool:
    # Rust rejects `m::{self}` only through its name-clash rules; a `self` leaf or glob at the root is not Rust
    return all(p and p[0] not in ("self", "*") for p, _, _ in entries)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(use_tree, root_group), st.booleans())
def test_printing_parsed_leaves_keeps_every_import(tree: str, multiline: bool):
    code = f"use {tree};\n".encode()
    src = SourceFile.from_bytes("x.rs", code)
    if src.root.has_error:
        return  # the generator made something that is not Rust (e.g. `self` in a root group)
    entries = []
    decl = next(n for n in walk(src.root) if n.type == "use_declaration")
    for lf in flatten_use(decl):
        entries.append(entry_of(lf))
    printed = print_use_tree(entries, multiline, "")
    assert leaves_of(f"use {printed};\n".encode()) == leaves_of(code), printed


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(use_tree, root_group), st.data())
def test_a_move_map_moves_exactly_the_mapped_paths(tree: str, data: st.DataObject):
    code = f"use {tree};\n".encode()
    src = SourceFile.from_bytes("x.rs", code)
    if src.root.has_error:
        return
    before = leaves_of(code)
    items = sorted({p for p, _, glob in before if not glob and p[-1] != "self" and len(p) > 1})
    if not items:
        return
    chosen = data.draw(st.lists(st.sampled_from(items), min_size=1, max_size=3, unique=True))
    moves: dict[str, str | None] = {}
    for p in chosen:
        target = data.draw(st.sampled_from(["moved::here", "other::place", None]))
        moves["::".join(p)] = None if target is None else f"{target}::{p[-1]}"
    chain = MoveChain.of([("step", moves)])
    res = rewrite_paths(src, chain, set())
    after = leaves_of(res.edits.apply(src.data))
    expected: set[Leaf] = set()
    for p, alias, glob in before:
        # moves are by prefix: a moved module carries its items, its `self` import and its glob
        hit = next((k for k in sorted(moves, key=len, reverse=True)
                    if p == tuple(k.split("::")) or p[:len(k.split("::"))] == tuple(k.split("::"))), None)
        if hit is None:
            expected.add((p, alias, glob))
        elif moves[hit] is not None:
            expected.add((tuple(moves[hit].split("::")) + p[len(hit.split("::")):], alias, glob))
    # a removed leaf may leave its group empty; nothing else may change
    assert after == expected, (code.decode(), moves, res.edits.apply(src.data).decode())


REGISTRY = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo")) / "registry" / "src"


@pytest.mark.bench
@pytest.mark.skipif(not REGISTRY.is_dir(), reason="needs a local cargo registry (cargo fetch)")
def test_every_use_in_the_local_registry_round_trips():
    checked = 0
    for f in REGISTRY.rglob("*.rs"):
        raw = f.read_bytes()
        if b"use " not in raw:
            continue
        try:
            src = SourceFile.from_bytes(str(f), raw)
        except Exception:
            continue
        for decl in walk(src.root):
            if decl.type != "use_declaration" or decl.has_error:
                continue
            entries = [entry_of(lf) for lf in flatten_use(decl)]
            if not entries or any(not p for p, _, _ in entries):
                continue
            want = leaves_of(src.data[decl.start_byte:decl.end_byte] + b"\n")
            vis = "pub " if src.data[decl.start_byte:decl.end_byte].startswith(b"pub") else ""
            got = leaves_of(f"{vis}use {print_use_tree(entries, False, '')};\n".encode())
            assert got == want, (str(f), src.data[decl.start_byte:decl.end_byte].decode())
            checked += 1
    assert checked > 1000
