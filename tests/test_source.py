"""The edit set and source file: overlaps refused, bytes kept, syntax errors never introduced."""

from __future__ import annotations

import pytest

from wasm_codemod.source import BOM, Edit, EditSet, OverlapError, SourceError, SourceFile, apply_checked


def test_overlapping_edits_are_refused_and_insertions_keep_order():
    es = EditSet()
    es.add(Edit(0, 3, b"abc"))
    with pytest.raises(OverlapError):
        es.add(Edit(2, 5, b"x"))
    assert not es.try_add(Edit(1, 1, b"inside"))  # an insertion strictly inside a replaced range
    es.add(Edit(3, 3, b"1"))
    es.add(Edit(3, 3, b"2"))
    assert es.apply(b"xyz___") == b"abc12___"


def test_bom_crlf_and_missing_final_newline_survive():
    raw = BOM + b"use a::b;\r\nfn f() {}"
    src = SourceFile.from_bytes("x.rs", raw)
    assert src.bom and src.newline == b"\r\n"
    es = EditSet([Edit(0, 0, src.native("// hi\n"))])
    out = apply_checked(src, es)
    assert out.applied and out.file.to_bytes() == BOM + b"// hi\r\nuse a::b;\r\nfn f() {}"


def test_a_rewrite_that_adds_a_syntax_error_is_dropped():
    src = SourceFile.from_bytes("x.rs", b"fn f() { g(); }\n")
    res = apply_checked(src, EditSet([Edit(9, 13, b"g((;")]))
    assert not res.applied and "syntax error" in res.reason and res.file is src


@pytest.mark.parametrize("raw,msg", [(b"fn f() {}\x00", "binary"), (b"fn f() { \xff }", "UTF-8")])
def test_bad_input_names_the_file(raw, msg):
    with pytest.raises(SourceError) as exc:
        SourceFile.from_bytes("src/bad.rs", raw)
    assert "src/bad.rs" in str(exc.value) and msg in str(exc.value)
