"""The shortcuts that spare lexing WIT files give the answers of the full lexer and parser."""

from __future__ import annotations

import random
from pathlib import Path

from wasm_codemod.rust.bindgen import (
    WitPackageSet,
    _wit_set,
    imported_functions,
    package_of,
    parse_wit,
    wit_imports,
    wit_set,
    wit_worlds,
)
from wasm_codemod.transform import WitFile
from wasm_codemod.wit import iter_significant, may_define_world, may_differ_only_in_case, significant, tokenize

ROOT = Path(__file__).resolve().parent.parent
WIT_FILES = sorted(p for p in ROOT.glob("golden/**/*.wit"))
ALPHABET = [b"record", b" ", b"\n", b"foo", b"Foo", b"fOO", b"%Foo", b"a-B", b"a-b", b"//", b"/*", b"*/", b'"', b"\\",
            b"package", b"x", b":", b"y", b"@1.0.0", b";", b"{", b"}", b"world", b"flags", b"\xc3\xa9", b"-",
            b"world w {", b"world %w{"]


def _random_texts(n: int) -> list[bytes]:
    rng = random.Random(7)
    return [b"".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _names_clash_in_case(data: bytes) -> bool:
    names = {t.text.removeprefix("%") for t in significant(tokenize(data)) if t.kind in ("id", "explicit")}
    return len({n.lower() for n in names}) < len(names)


def _first_package(data: bytes) -> tuple[str, str] | None:
    toks = significant(tokenize(data))
    for i, t in enumerate(toks):
        if t.text == "package" and i + 3 < len(toks) and toks[i + 2].text == ":":
            version = toks[i + 4].text if i + 4 < len(toks) and toks[i + 4].kind == "version" else ""
            return f"{toks[i + 1].text.removeprefix('%')}:{toks[i + 3].text.removeprefix('%')}", version
    return None


def test_the_golden_cases_have_wit_files_to_check():
    assert len(WIT_FILES) > 50


def test_case_prefilter_never_misses_names_that_differ_only_in_case():
    texts = [p.read_bytes() for p in WIT_FILES] + _random_texts(3000)
    clashing = 0
    for data in texts:
        if _names_clash_in_case(data):
            clashing += 1
            assert may_differ_only_in_case(data), data
    assert clashing > 20  # the random texts do hold clashes, so the check above ran
    # and it does skip: a doc comment's capitalised word is no reason to lex the file
    assert not may_differ_only_in_case(b"/// Returns the error\nrecord error { returns: u8 }")
    assert may_differ_only_in_case(b"record r { Error: u8, error: u8 }")


def test_lazy_lexing_gives_the_lexer_tokens_and_the_first_package():
    for data in [p.read_bytes() for p in WIT_FILES] + _random_texts(2000):
        assert list(iter_significant(data)) == significant(tokenize(data))
        assert package_of(data) == _first_package(data), data


def _as_engine_files(d: Path) -> list[WitFile]:
    return [WitFile(f, str(f.relative_to(d)), f.read_bytes()) for f in sorted(d.rglob("*.wit"))]


def test_worlds_only_set_has_the_worlds_and_main_packages_of_the_full_set():
    dirs = sorted({p.parent for p in WIT_FILES if p.parent.name in ("wit", "after-wit")})
    assert len(dirs) > 20
    with_deps = 0
    for d in dirs:
        files = {d: _as_engine_files(d)}
        with_deps += any("deps" in f.path.relative_to(d).parts for f in files[d])
        full = wit_set([d], files.get)
        worlds = wit_worlds([d], files.get)
        assert worlds.main_pkgs == full.main_pkgs, d
        assert worlds.worlds.keys() == full.worlds.keys(), d
        for k, w in full.worlds.items():
            o = worlds.worlds[k]
            assert (w.pkg, w.name, w.exports, w.includes, w.uses) == (o.pkg, o.name, o.exports, o.includes, o.uses)
        assert not worlds.interfaces or worlds.interfaces.keys() <= full.interfaces.keys()
    assert with_deps > 0  # some case has a wit/deps tree, where files without worlds are skipped


def test_a_deps_interface_file_is_not_parsed_for_the_worlds():
    main = b"package a:b;\nworld w { import c:d/i; export run: func(); }\n"
    dep = b"package c:d;\ninterface i { f: func(); }\n"
    root = Path("/virtual/wit")
    files = {root: [WitFile(root / "w.wit", "w.wit", main), WitFile(root / "deps/c/i.wit", "deps/c/i.wit", dep)]}
    ws = _wit_set([(root, root, [(f.path, f.data) for f in files[root]])], mode="worlds")
    assert ws.main_pkgs == {"a:b"} and list(ws.worlds) == ["a:b/w"] and not ws.interfaces
    assert ws.worlds["a:b/w"].exports


def test_world_prefilter_never_skips_a_file_that_defines_a_world():
    defining = 0
    for data in [p.read_bytes() for p in WIT_FILES] + _random_texts(3000):
        sink = WitPackageSet()
        parse_wit(data, sink, True)
        if sink.worlds:
            defining += 1
            assert may_define_world(data), data
    assert defining > 50
    assert not may_define_world(b"/// the world this runs in\ninterface i { f: func(); }")


def _wit_step_output(step, data: bytes) -> tuple[list, bytes]:
    from wasm_codemod.source import EditSet
    from wasm_codemod.transform import WitContext
    from wasm_codemod.wit import WitUnit

    unit = WitUnit("x.wit", data, EditSet())
    ctx = WitContext(step, [unit], "49", "50")
    step.wit(ctx)
    return [(f.line, f.message) for f in ctx.follow_ups], unit.edits.apply(data) if unit.edits else data


def test_wit_steps_say_the_same_with_and_without_their_file_gates(monkeypatch):
    import wasm_codemod.transforms._wit_keywords as kw

    from wasm_codemod.plan import load_registry

    steps = [s for s in load_registry().steps if s.wit is not None]
    assert len(steps) >= 10
    members = b", ".join(b"f%d" % i for i in range(33))
    crafted = [b"flags big { " + members + b" }", b"flags big { /* } */ " + members + b" }",
               b"flags big { a, b { c }, " + members + b" }", b"interface i { flags f { " + members + b", } }",
               b"record r { Foo: u8, foo: u8 }", b"world w { import Foo: func(); import foo: func(); }",
               b"type t = float32;", b"record r { map: u8 }"]
    texts = crafted + [p.read_bytes() for p in WIT_FILES] + _random_texts(1500)
    gated = {s.id: [_wit_step_output(s, d) for d in texts] for s in steps}
    monkeypatch.setattr(kw, "may_differ_only_in_case", lambda data: True)
    monkeypatch.setattr(kw, "may_have_flags_over", lambda data, limit: True)
    reported = 0
    for s in steps:
        for d, want in zip(texts, gated[s.id], strict=True):
            assert _wit_step_output(s, d) == want, (s.id, d)
            reported += bool(want[0])
    assert reported > 20


def _funcs(ws: WitPackageSet, world) -> list[tuple[str | None, str]]:
    return [(f.prefix, f.name) for f in imported_functions(ws, world)]


def test_interfaces_read_on_demand_give_the_imported_functions_of_the_full_set():
    dirs = sorted({p.parent for p in WIT_FILES if p.parent.name in ("wit", "after-wit")})
    checked = 0
    for d in dirs:
        files = {d: _as_engine_files(d)}
        full, lazy = wit_set([d], files.get), wit_imports([d], files.get)
        assert lazy.worlds.keys() == full.worlds.keys() and lazy.main_pkgs == full.main_pkgs, d
        for k in full.worlds:
            got = _funcs(lazy, lazy.worlds[k])
            assert got == _funcs(full, full.worlds[k]), (d, k)
            checked += bool(got)
    assert checked > 20


def test_the_last_file_that_defines_an_interface_wins_as_in_the_full_parse():
    # the same id defined twice (a deps copy and a main one), a versioned twin, a name only in a
    # comment, and an explicit `%name`: shuffled file orders, each compared with the full parse
    world = b"package a:b;\nworld w { import c:d/i; import c:d/j@2.0.0; import c:d/k; import x; }\n"
    texts = [b"package c:d;\ninterface i { f: func(); }\n",
             b"package c:d;\ninterface i { g: func(); }\n",
             b"package c:d@2.0.0;\ninterface j { h: func(); }\n",
             b"package c:d;\n// interface k { no: func(); }\ninterface j { old: func(); }\n",
             b"package c:d;\ninterface %k { use i.{t}; m: func(); }\n",
             b"package a:b;\ninterface x { y: func(); }\n"]
    rng = random.Random(3)
    root = Path("/virtual/wit")
    for _ in range(200):
        order = rng.sample(texts, rng.randint(1, len(texts)))
        wits = [WitFile(root / "w.wit", "w.wit", world)]
        wits += [WitFile(root / f"deps/d{n}/f.wit", f"deps/d{n}/f.wit", t) for n, t in enumerate(order)]
        files = {root: wits}
        full, lazy = wit_set([root], files.get), wit_imports([root], files.get)
        assert _funcs(lazy, lazy.worlds["a:b/w"]) == _funcs(full, full.worlds["a:b/w"]), order
