"""Incremental re-parsing (SourceFile.with_edits reuses the old tree) gives the tree a full parse
gives: same s-expression, same byte and row/column spans, over realistic edit shapes."""

from __future__ import annotations

import difflib
import random
from pathlib import Path

import pytest

from wasm_codemod.rust.parse import _spans, parse_rust
from wasm_codemod.source import Edit, EditSet, SourceFile, apply_checked

ROOT = Path(__file__).resolve().parent.parent
PAIRS = sorted((b, b.with_name("after.rs")) for b in ROOT.glob("golden/*/*/before.rs")
               if b.with_name("after.rs").is_file())


def _line_edits(old: bytes, new: bytes) -> EditSet:
    """The edits that turn ``old`` into ``new``, hunk by hunk (the shapes steps make: replaced,
    inserted and deleted lines)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    starts = [0]
    for line in a:
        starts.append(starts[-1] + len(line))
    es = EditSet()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            es.add(Edit(starts[i1], starts[i2], b"".join(b[j1:j2])))
    return es


def _same_as_full_parse(f: SourceFile) -> None:
    fresh = parse_rust(f.data).root_node
    assert str(f.root) == str(fresh)
    assert _spans(f.root) == _spans(fresh)


def test_the_golden_pairs_cover_enough_shapes() -> None:
    assert len(PAIRS) > 100


@pytest.mark.parametrize("before,after", PAIRS, ids=[str(p[0].parent.relative_to(ROOT / "golden")) for p in PAIRS])
def test_a_golden_rewrite_reparsed_incrementally_is_the_full_parse(before: Path, after: Path) -> None:
    src = SourceFile.from_bytes("x.rs", before.read_bytes())
    assert src.root is not None  # parsed: the edit reuses this tree
    want = SourceFile.from_bytes("x.rs", after.read_bytes())
    new = src.with_edits(_line_edits(src.data, want.data))
    assert new._tree is not None  # built incrementally, not lazily from scratch
    assert new.data == want.data
    _same_as_full_parse(new)


def test_random_byte_edits_inside_lines_and_across_them() -> None:
    rnd = random.Random(12)
    texts = [b.read_bytes() for b, _ in PAIRS[:40]]
    for data in texts:
        src = SourceFile.from_bytes("x.rs", data)
        for _ in range(5):
            assert src.root is not None
            es = EditSet()
            for _ in range(rnd.randint(1, 6)):
                s = rnd.randrange(len(src.data) + 1)
                e = min(len(src.data), s + rnd.choice((0, 0, 1, 5, 40)))
                es.try_add(Edit(s, e, rnd.choice((b"", b"x", b"\n", b"::new(a, b)\n    ", b"\xc3\xa9\n\n"))))
            src = src.with_edits(es)
            _same_as_full_parse(src)


def test_insertions_at_one_offset_keep_their_order_in_the_tree() -> None:
    src = SourceFile.from_bytes("x.rs", b"fn a() {}\n")
    assert src.root is not None
    es = EditSet()
    es.add(Edit(0, 0, b"use x::Y;\n"))
    es.add(Edit(0, 0, b"fn b() {}\n"))
    es.add(Edit(3, 4, b"c"))
    res = apply_checked(src, es)
    assert res.file.data == b"use x::Y;\nfn b() {}\nfn c() {}\n"
    _same_as_full_parse(res.file)
    assert [n.type for n in res.file.root.children] == ["use_declaration", "function_item", "function_item"]
