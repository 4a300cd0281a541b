"""Per-step prefilters drop no edit (issue 12): a step sees only the files holding its own tokens,
the path pass only the files that can hold a moved path, and a file no step needs is never
parsed. Running that way must give byte for byte what showing every step every loaded file gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden_harness import build_crate, cases, is_python

from wasm_codemod import engine
from wasm_codemod.plan import load_registry
from wasm_codemod.runner import RunOptions, plan_run

REPO = Path(__file__).resolve().parents[1]
RUST_CASES = [c for c in cases() if not is_python(c)]
REG = load_registry()


def _outcome(root: Path, opts: RunOptions, all_files: bool, monkeypatch: pytest.MonkeyPatch) -> tuple:
    monkeypatch.setattr(engine, "ALL_FILES", all_files)
    res = plan_run([root], opts, base=root)
    changes = [(c.path.relative_to(root).as_posix(), c.new, tuple(c.steps)) for c in res.changes]
    follow = [(f.file, f.line, f.step, f.message, f.severity) for f in res.follow_ups]
    return changes, follow, res.errors


def _same_both_ways(root: Path, opts: RunOptions, monkeypatch: pytest.MonkeyPatch) -> tuple:
    tight = _outcome(root, opts, False, monkeypatch)
    every = _outcome(root, opts, True, monkeypatch)
    assert tight == every
    return tight


@pytest.mark.parametrize("case", RUST_CASES, ids=[c.id for c in RUST_CASES])
def test_golden_case_same_with_and_without_prefilters(case, tmp_path, monkeypatch):
    crate = build_crate(case, "before", tmp_path / "b")
    # the case's own steps, then the whole plan from its line to the newest (more steps, more files)
    fam = REG.families[case.family]
    for only in (frozenset(case.steps), frozenset()):
        opts = RunOptions(targets={case.family: fam.latest_line()}, from_override={case.family: case.from_},
                          only=only, step_options=dict(case.options))
        _same_both_ways(crate, opts, monkeypatch)


@pytest.mark.parametrize("example", ["plugin-host", "guest", "cargo-component-guest"])
def test_bundled_example_same_with_and_without_prefilters(example, tmp_path, monkeypatch):
    root = tmp_path / example
    shutil.copytree(REPO / "examples" / example, root, ignore=shutil.ignore_patterns("target"))
    opts = RunOptions(targets={"wasmtime": "50", "wit-bindgen": REG.families["wit-bindgen"].latest_line()})
    changes, _follow, _errors = _same_both_ways(root, opts, monkeypatch)
    if example == "plugin-host":
        assert changes, "the example host is written for an old wasmtime: the plan must change it"


def _record_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display paths of the files whose tree gets built from now on (SourceFile.tree is lazy)."""
    parsed: list[str] = []
    orig = engine.SourceFile.tree

    def tree(self):  # type: ignore[no-untyped-def]
        if self._tree is None:
            parsed.append(self.path)
        return orig.fget(self)

    monkeypatch.setattr(engine.SourceFile, "tree", property(tree))
    return parsed


def test_a_file_no_step_needs_is_never_parsed(tmp_path, monkeypatch):
    """Two files name wasmtime; only one holds a token of a planned step or a moved path."""
    src = tmp_path / "host" / "src"
    src.mkdir(parents=True)
    (tmp_path / "host" / "Cargo.toml").write_text('[package]\nname = "host"\nversion = "0.1.0"\n\n'
                                                  '[dependencies]\nwasmtime = "32"\nwasmtime-wasi = "32"\n')
    (src / "lib.rs").write_text("mod engine;\nuse wasmtime_wasi::preview1::WasiP1Ctx;\n")
    (src / "engine.rs").write_text("pub fn make() -> wasmtime::Engine { wasmtime::Engine::default() }\n")
    parsed = _record_parses(monkeypatch)
    res = plan_run([tmp_path / "host"], RunOptions(targets={"wasmtime": "40"}), base=tmp_path / "host")
    assert [c.path.name for c in res.changes if c.kind == "rust"] == ["lib.rs"]  # preview1 -> p1
    assert "src/engine.rs" not in parsed and "src/lib.rs" in parsed


# every type set the engine and the steps ask walk_types for (grep walk_types in src/ and transforms/)
TYPE_SETS = [("call_expression",), ("impl_item",), ("macro_invocation",), ("trait_item",), ("match_expression",),
             ("type_arguments",), ("function_item",), ("function_item", "closure_expression"),
             ("function_item", "function_signature_item"), ("struct_item", "enum_item", "union_item", "type_item"),
             ("macro_invocation", "scoped_identifier", "scoped_type_identifier"),
             # the loops that walked whole files and kept one type set (issue 12, second pass)
             ("struct_item",), ("struct_expression",), ("attribute_item",), ("use_declaration",), ("match_arm",),
             ("doc_comment",), ("generic_type",), ("mod_item",), ("macro_definition",), ("identifier",),
             ("struct_item", "enum_item"), ("impl_item", "function_item"), ("identifier", "type_identifier"),
             ("identifier", "type_identifier", "scoped_identifier", "scoped_type_identifier"),
             ("field_expression",), ("macro_invocation", "scoped_identifier", "try_expression"),
             ("call_expression", "tuple_struct_pattern"), ("call_expression", "impl_item"),
             ("scoped_identifier", "scoped_type_identifier"), ("identifier", "scoped_identifier"),
             ("type_identifier", "scoped_type_identifier")]


def test_type_index_is_the_walk_filtered_by_type():
    """The query-built index gives the same nodes in the same (pre-)order as a walk of the file."""
    from wasm_codemod.rust.names import _TABLE_TYPES
    from wasm_codemod.rust.parse import walk, walk_types
    from wasm_codemod.source import SourceFile

    files = sorted((REPO / "golden").rglob("*.rs")) + sorted((REPO / "examples").rglob("*.rs"))
    assert len(files) > 100
    for f in files:
        src = SourceFile.from_bytes(f.name, f.read_bytes())
        root = src.root
        for types in [*TYPE_SETS, _TABLE_TYPES]:
            want = [(n.start_byte, n.end_byte, n.type) for n in walk(root) if n.type in types]
            got = [(n.start_byte, n.end_byte, n.type) for n in walk_types(root, types)]
            assert got == want, f"{f}: {types}"


def test_type_index_within_a_node_is_the_walk_of_that_node():
    """``walk_types_within(root, types, node)`` (a bisected slice of the file's index) gives what a walk
    of ``node`` filtered by type gives, for every fn body and block of the golden and example files."""
    from wasm_codemod.rust.parse import walk, walk_types, walk_types_within
    from wasm_codemod.source import SourceFile

    files = sorted((REPO / "golden").rglob("*.rs")) + sorted((REPO / "examples").rglob("*.rs"))
    checked = 0
    for f in files:
        src = SourceFile.from_bytes(f.name, f.read_bytes())
        root = src.root
        nodes = [n for n in walk_types(root, ("function_item", "closure_expression", "impl_item"))]
        nodes += [n.child_by_field_name("body") for n in nodes if n.child_by_field_name("body") is not None]
        for node in [root, *nodes]:
            for types in [("field_expression",), ("macro_invocation", "scoped_identifier", "try_expression"),
                          ("function_item",), ("block",)]:
                want = [(n.start_byte, n.end_byte, n.type) for n in walk(node) if n.type in types]
                got = [(n.start_byte, n.end_byte, n.type) for n in walk_types_within(root, types, node)]
                assert got == want, f"{f}: {types} in {node.type} at {node.start_byte}"
                checked += 1
    assert checked > 1000


def test_every_variant_step_has_a_witness_that_is_an_old_variant():
    """The variant steps skip files that spell none of the asked enums' witness variants: each enum a
    step asks about has one, and it is none of the variants that step (or a later one) adds, so every
    compiling exhaustive match of the older line spells it."""
    import importlib

    from transforms._val_variants import WITNESS

    added_anywhere: dict[str, set[str]] = {}
    for mod in ("wasmtime_31_extern_tag", "wasmtime_35_heap_type_cont", "wasmtime_36_core_exn",
                "wasmtime_37_core_cont", "wasmtime_48_socket_addr_use"):
        m = importlib.import_module(f"transforms.{mod}")
        table = m.ADDED if isinstance(m.ADDED, dict) else {m.PATHS[0]: m.ADDED}
        for key, variants in table.items():
            assert key in WITNESS, f"{mod}: no witness for {key}"
            added_anywhere.setdefault(key, set()).update(variants)
    for key in ("wasmtime::component::Val", "wasmtime::component::Type"):
        added_anywhere[key] = {"Future", "Stream", "ErrorContext", "Map", "FixedLengthList"}
    for key, variants in added_anywhere.items():
        assert WITNESS[key].decode() not in variants, key


def test_a_match_that_spells_no_witness_is_not_parsed_for(tmp_path, monkeypatch):
    """`Val::` and `match` in a file without an exhaustive match on Val: the variant steps leave it unparsed."""
    src = tmp_path / "host" / "src"
    src.mkdir(parents=True)
    (tmp_path / "host" / "Cargo.toml").write_text('[package]\nname = "host"\nversion = "0.1.0"\n\n'
                                                  '[dependencies]\nwasmtime = "35"\n')
    (src / "lib.rs").write_text("mod conv;\n")
    (src / "conv.rs").write_text("use wasmtime::component::Val;\n\npub fn flag(v: &Val) -> bool {\n"
                                 "    match v {\n        Val::Bool(b) => *b,\n        _ => false,\n    }\n}\n")
    parsed = _record_parses(monkeypatch)
    res = plan_run([tmp_path / "host"], RunOptions(targets={"wasmtime": "50"}, only=frozenset(
        {"wasmtime-36-val-variants", "wasmtime-44-val-map", "wasmtime-48-val-fixed-length-list"})),
        base=tmp_path / "host")
    assert not res.follow_ups and "src/conv.rs" not in parsed


def test_macro_calls_read_only_files_that_invoke_the_macro():
    """`StepContext.macro_calls` parses a file only where the name is followed by `!` (spaces allowed)."""
    from wasm_codemod.transform import _invocation_pattern
    from wasm_codemod.wordsearch import word_search

    pat = _invocation_pattern(frozenset({"bindgen"}))
    assert word_search(pat, b"wasmtime::component::bindgen!({ world: \"w\" });")
    assert word_search(pat, b"bindgen !{ world: \"w\" }")
    assert word_search(pat, b"use wasmtime::component::bindgen;\nbindgen\n!({})")
    assert not word_search(pat, b"// generated by wit_bindgen\nuse wit_bindgen::generate;\nlet x = bindgen;")
    assert not word_search(pat, b"my_bindgen!()")  # another macro whose name ends the same


def test_impls_parse_only_files_that_write_the_traits_crate(tmp_path, monkeypatch):
    """`StepContext.impls` resolves a trait path through the file's own imports, so the file writes the
    path's crate (even when a `use .. as` renames it); an impl of the program's own `Host` is not read."""
    from wasm_codemod.engine import RustUnit
    from wasm_codemod.source import SourceFile
    from wasm_codemod.transform import StepContext

    files = {
        "own.rs": "mod bindings { pub trait Host {} }\nstruct S;\nimpl bindings::Host for S {}\n",
        "renamed.rs": "use wasmtime_wasi as ww;\nstruct R;\n"
                      "impl ww::p2::bindings::random::random::Host for R {}\n",
    }
    units = [RustUnit(name, SourceFile.from_bytes(name, body.encode())) for name, body in files.items()]
    step = load_registry().step("wasmtime-36-p2-random-host")
    ctx = StepContext(step, units, "35", "36", {}, crate_files=units)
    parsed = _record_parses(monkeypatch)
    found = ctx.impls({("wasmtime_wasi", "p2", "bindings", "random", "random", "Host")})
    assert [b.unit.path for b in found] == ["renamed.rs"]
    assert parsed == ["renamed.rs"]
