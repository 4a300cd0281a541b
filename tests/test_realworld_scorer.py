"""Fast tier: the real-world scorer on synthetic diffs (no mirrors needed).

Each case writes a `before` file, the maintainers' `after` and the tool's `after`, diffs both
with git exactly as the harness does, and checks the classification.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realworld.compare import score_file  # noqa: E402
from realworld.corpus import Pair, find_mirror, slugify  # noqa: E402
from realworld.diffs import apply_blocks, new_to_old, parse_diff, toml_line_norm  # noqa: E402
from realworld.labels import Label, LabelFile, dump_labels, rule_label  # noqa: E402

BEFORE = """\
use std::sync::Arc;
use wasmtime::component::Linker;
use wasmtime_wasi::{WasiCtx, WasiView};

struct Host {
    ctx: WasiCtx,
}

fn setup(linker: &mut Linker<Host>) {
    wasmtime_wasi::add_to_linker_sync(linker).unwrap();
    let x = compute(1, 2);
    println!("{x}");
}

fn compute(a: u32, b: u32) -> u32 {
    a + b
}
"""


def _diff(tmp: Path, name: str, before: str, after: str) -> str:
    a, b = tmp / "a" / name, tmp / "b" / name
    for p, t in ((a, before), (b, after)):
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(t)
    proc = subprocess.run(["git", "diff", "--no-index", "--no-color", str(tmp / "a"), str(tmp / "b")],
                          capture_output=True, text=True)
    # --no-index names the files by their paths: make them repo-relative like `git diff` does
    return proc.stdout.replace(f"a{tmp}/a/", "a/").replace(f"b{tmp}/b/", "b/")


def _score(tmp: Path, maint: str, tool: str, before: str = BEFORE, name: str = "src/lib.rs",
           follow_ups: list[int] | None = None, selected: dict[str, list[int]] | None = None,
           only: dict[str, str] | None = None):
    md = parse_diff(_diff(tmp / "m", name, before, maint)).get(name)
    td = parse_diff(_diff(tmp / "t", name, before, tool)).get(name)
    hunks = md.hunks if md else []
    tblocks = td.blocks if td else []
    lines = before.split("\n")[:-1]
    fus = [new_to_old(tblocks, ln - 1) for ln in follow_ups or []]
    return hunks, score_file(name, lines, hunks, tblocks, fus, selected, only)


def test_parse_and_apply_round_trip(tmp_path: Path):
    after = BEFORE.replace("a + b", "a * b").replace("struct Host {", "struct Host {\n    n: u32,")
    fd = parse_diff(_diff(tmp_path, "x.rs", BEFORE, after))["x.rs"]
    assert apply_blocks(BEFORE.split("\n")[:-1], fd.blocks) == after.split("\n")[:-1]
    assert [len(h.blocks) for h in fd.hunks] == [1, 1]
    assert all(h.id.startswith("x.rs#") for h in fd.hunks)


def test_same_change_is_reproduced(tmp_path: Path):
    after = BEFORE.replace("add_to_linker_sync(linker)", "p2::add_to_linker_sync(linker)")
    hunks, res = _score(tmp_path, after, after)
    assert [res.status[h.id] for h in hunks] == ["reproduced"]
    assert res.extras == []


def test_whitespace_and_reflow_are_equivalent(tmp_path: Path):
    maint = BEFORE.replace("    let x = compute(1, 2);", "    let x = compute(\n        1,\n        2,\n    );")
    tool = BEFORE.replace("    let x = compute(1, 2);", "    let x =   compute(1,2);")
    hunks, res = _score(tmp_path, maint, tool)
    assert [res.status[h.id] for h in hunks] == ["reproduced"]
    assert res.extras == []


def test_import_order_and_placement_do_not_matter(tmp_path: Path):
    maint = BEFORE.replace("use wasmtime_wasi::{WasiCtx, WasiView};",
                           "use wasmtime_wasi::{IoView, WasiCtx, WasiView};")
    tool = BEFORE.replace("use std::sync::Arc;\n", "use std::sync::Arc;\nuse wasmtime_wasi::IoView;\n")
    hunks, res = _score(tmp_path, maint, tool)
    assert [res.status[h.id] for h in hunks] == ["reproduced"]
    assert res.extras == []  # the tool's separate `use` moves an import the maintainers moved too


def test_import_removed_by_maintainers_but_kept_by_tool_is_missed(tmp_path: Path):
    maint = BEFORE.replace("use wasmtime_wasi::{WasiCtx, WasiView};", "use wasmtime_wasi::WasiCtx;")
    hunks, res = _score(tmp_path, maint, BEFORE)
    assert [res.status[h.id] for h in hunks] == ["missed"]


def test_plain_crate_self_import_is_no_import(tmp_path: Path):
    """`use krate::{self, ..}` imports nothing in edition 2018+: dropping the `self` is not a change."""
    before = BEFORE.replace("use wasmtime_wasi::{WasiCtx, WasiView};", "use wasmtime_wasi::{self, WasiCtx, WasiView};")
    maint = before.replace("use wasmtime_wasi::{self, WasiCtx, WasiView};",
                           "use wasmtime_wasi::p2::{WasiCtx, WasiView};")
    tool = before.replace("use wasmtime_wasi::{self, WasiCtx, WasiView};",
                          "use wasmtime_wasi::{self, p2::{WasiCtx, WasiView}};")
    hunks, res = _score(tmp_path, maint, tool, before=before)
    assert [res.status[h.id] for h in hunks] == ["reproduced"]
    assert res.extras == []
    # an alias is a real import: dropping it is a change the tool must make too
    aliased = BEFORE.replace("use wasmtime_wasi::{WasiCtx, WasiView};",
                             "use wasmtime_wasi::{self as w, WasiCtx, WasiView};")
    hunks, res = _score(tmp_path / "alias", BEFORE, aliased, before=aliased)
    assert [res.status[h.id] for h in hunks] == ["missed"]


def test_reexported_resource_table_is_the_same_import(tmp_path: Path):
    before = BEFORE.replace("use wasmtime_wasi::{WasiCtx, WasiView};",
                            "use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};")
    maint = before.replace(
        "use wasmtime::component::Linker;\nuse wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};",
        "use wasmtime::component::{Linker, ResourceTable};\nuse wasmtime_wasi::p2::{WasiCtx, WasiView};")
    tool = before.replace("use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};",
                          "use wasmtime_wasi::p2::{WasiCtx, WasiView};\nuse wasmtime_wasi::ResourceTable;")
    assert maint != before and tool != before
    hunks, res = _score(tmp_path, maint, tool, before=before)
    assert [res.status[h.id] for h in hunks] == ["reproduced"]
    assert res.extras == []
    # another crate's `ResourceTable` is not that one: the tool's import is an extra
    other = before.replace("use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};",
                           "use wasmtime_wasi::p2::{WasiCtx, WasiView};\nuse my_tables::ResourceTable;")
    hunks, res = _score(tmp_path / "o", maint, other, before=before)
    assert len(res.extras) == 1


def test_one_line_of_a_big_use_group_is_its_own_change(tmp_path: Path):
    """In a `use { .. }` over many lines, a hunk on one line is scored by the imports written there:
    the maintainers' unrelated rename in another hunk of the same declaration is not asked of it."""
    middle = "".join(f"    std::collections::M{i},\n" for i in range(8))
    group = f"use {{\n    other_crate::Thing,\n{middle}    wasmtime_wasi::{{WasiCtx, WasiView}},\n}};"
    before = BEFORE.replace("use wasmtime_wasi::{WasiCtx, WasiView};", group)
    moved = group.replace("wasmtime_wasi::{WasiCtx, WasiView}", "wasmtime_wasi::p2::{WasiCtx, WasiView}")
    maint = before.replace(group, moved.replace("other_crate::Thing", "renamed_crate::Thing"))
    tool = before.replace(group, moved)
    hunks, res = _score(tmp_path, maint, tool, before=before)
    assert [res.status[h.id] for h in hunks] == ["missed", "reproduced"]  # the rename, the move
    assert res.extras == []


def test_different_change_is_missed_and_an_extra(tmp_path: Path):
    maint = BEFORE.replace("add_to_linker_sync(linker)", "p2::add_to_linker_sync(linker)")
    tool = BEFORE.replace("add_to_linker_sync(linker)", "preview1::add_to_linker_sync(linker)")
    hunks, res = _score(tmp_path, maint, tool)
    assert [res.status[h.id] for h in hunks] == ["missed"]
    assert len(res.extras) == 1 and res.extras[0].old_line == 10
    assert res.touched == {hunks[0].id}


def test_follow_up_near_the_hunk_reports_it(tmp_path: Path):
    maint = BEFORE.replace("add_to_linker_sync(linker)", "p2::add_to_linker_sync(linker)")
    # the tool inserted two lines above, so its follow-up's line (new file) must map back
    tool = BEFORE.replace("struct Host {", "// a\n// b\nstruct Host {")
    for line, want in ((14, "reported"), (9, "reported"), (17, "missed"), (1, "missed")):
        hunks, res = _score(tmp_path / str(line), maint, tool, follow_ups=[line])
        assert [res.status[h.id] for h in hunks] == [want], line


def test_tool_edit_nobody_made_is_an_extra_with_a_stable_key(tmp_path: Path):
    tool = BEFORE.replace("a + b", "a.wrapping_add(b)")
    _, res = _score(tmp_path / "1", BEFORE.replace("{x}", "{x}!"), tool)
    shifted = "// header\n" + BEFORE
    _, res2 = _score(tmp_path / "2", shifted, "// header\n" + tool, before=shifted)
    assert [e.key for e in res.extras] == [e.key for e in res2.extras]
    assert len(res.extras) == 1 and res.extras[0].old_line == 16


def test_partial_reproduction_is_not_reproduced_unless_blocks_selected(tmp_path: Path):
    # one hunk (3 lines of context join them), two blocks: the tool did only the first
    maint = BEFORE.replace("add_to_linker_sync(linker)", "p2::add_to_linker_sync(linker)").replace(
        '"{x}"', '"x = {x}"')
    tool = BEFORE.replace("add_to_linker_sync(linker)", "p2::add_to_linker_sync(linker)")
    hunks, res = _score(tmp_path / "all", maint, tool)
    assert len(hunks) == 1 and len(hunks[0].blocks) == 2
    assert res.status[hunks[0].id] == "missed"
    hunks, res = _score(tmp_path / "sel", maint, tool, selected={hunks[0].id: [0]})
    assert res.status[hunks[0].id] == "reproduced"


def test_toml_versions_compare_by_line(tmp_path: Path):
    before = '[dependencies]\nwasmtime = "29.0.1"\nwasmtime-wasi = { version = "29.0.1", features = ["p2"] }\n'
    maint = before.replace("29.0.1", "36.0.2")
    tool = before.replace('"29.0.1"', '"36.0.7"')
    hunks, res = _score(tmp_path / "ok", maint, tool, before=before, name="Cargo.toml")
    assert [res.status[h.id] for h in hunks] == ["reproduced"]
    hunks, res = _score(tmp_path / "no", maint, before.replace('"29.0.1"', '"35.0.0"'), before=before,
                        name="Cargo.toml")
    assert [res.status[h.id] for h in hunks] == ["missed"]
    assert toml_line_norm('x = "=0.43.0"') == 'x = "0.43"' and toml_line_norm('x = "^36"') == 'x = "36"'


def test_rules_prelabel_conservatively(tmp_path: Path):
    pair = Pair("p", "o/n", "a" * 40, "b" * 40, "29", "36", "yes")
    before = ('[dependencies]\nwasmtime = "29"\ntokio = "1.0"\nserde = "1"\n\n[dependencies.wasmtime-wasi]\n'
              'version = "29"\n')
    after = before.replace('"29"', '"36"').replace('"1.0"', '"1.4"')
    fd = parse_diff(_diff(tmp_path / "a", "Cargo.toml", before, after))["Cargo.toml"]
    assert len(fd.hunks) == 1  # version lines of two crates and tokio: mixed, left for a person
    assert rule_label(pair, fd, fd.hunks[0], before.split("\n")[:-1], after) is None
    after2 = before.replace('"29"', '"36"')
    fd = parse_diff(_diff(tmp_path / "b", "Cargo.toml", before, after2))["Cargo.toml"]
    assert rule_label(pair, fd, fd.hunks[0], before.split("\n")[:-1], after2)[0] == "mechanical"
    after3 = before.replace('"1.0"', '"1.4"')
    fd = parse_diff(_diff(tmp_path / "c", "Cargo.toml", before, after3))["Cargo.toml"]
    assert rule_label(pair, fd, fd.hunks[0], before.split("\n")[:-1], after3)[0] == "unrelated"
    feat = before.replace('wasmtime = "29"', 'wasmtime = { version = "36", features = ["async"] }')
    fd = parse_diff(_diff(tmp_path / "d", "Cargo.toml", before, feat))["Cargo.toml"]
    assert rule_label(pair, fd, fd.hunks[0], before.split("\n")[:-1], feat) is None
    rs = "fn main() {\n    println!(\"hi\");\n}\n"
    fd = parse_diff(_diff(tmp_path / "e", "src/x.rs", rs, rs.replace("hi", "ho")))["src/x.rs"]
    assert rule_label(pair, fd, fd.hunks[0], rs.split("\n")[:-1], rs)[0] == "unrelated"
    fd = parse_diff(_diff(tmp_path / "f", "src/lib.rs", BEFORE, BEFORE.replace("a + b", "b + a")))["src/lib.rs"]
    assert rule_label(pair, fd, fd.hunks[0], BEFORE.split("\n")[:-1], BEFORE) is None


def test_label_file_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import realworld.labels as labels

    monkeypatch.setattr(labels, "LABELS", tmp_path)
    pair = Pair("demo 1→2", "o/n", "a" * 40, "b" * 40, "1", "2", "yes")
    lf = LabelFile({"a.rs#0-12345678": Label("a.rs#0-12345678", "mechanical", "read", 'say "x"', [0, 2])})
    labels.label_path(pair).write_text(dump_labels(pair, lf, ["a.rs#0-12345678"]))
    back = labels.load_labels(pair)
    assert back.hunks == lf.hunks
    assert slugify("extism 27–31→37") == "extism-27-31-37"


def test_mirror_layouts(tmp_path: Path):
    for layout in ("o+n/repo", "o/n.git"):
        root = tmp_path / layout.replace("/", "_")
        gd = root / layout
        (gd / "objects").mkdir(parents=True)
        (gd / "HEAD").write_text("ref: refs/heads/main\n")
        assert find_mirror("o/n", [root]) == gd
    assert find_mirror("o/missing", [tmp_path]) is None


def test_only_scores_the_mechanical_lines_of_a_mixed_hunk(tmp_path: Path):
    before = '[dependencies]\nanyhow = "1"\nserde = "1"\nwasmtime = "29.0.1"\nzip = "2"\n'
    maint = '[dependencies]\nanyhow = { workspace = true }\nwasmtime = "36"\nserde = "1.2"\nzip = "2"\n'
    tool = before.replace('"29.0.1"', '"36.0.3"')
    hunks, res = _score(tmp_path / "a", maint, tool, before=before, name="Cargo.toml")
    assert [res.status[h.id] for h in hunks] == ["missed"]
    assert res.extras == []  # the tool's line is a line of the maintainers' file
    hid = hunks[0].id
    hunks, res = _score(tmp_path / "b", maint, tool, before=before, name="Cargo.toml", only={hid: "^wasmtime"})
    assert res.status[hid] == "reproduced"
    hunks, res = _score(tmp_path / "c", maint, before, before=before, name="Cargo.toml", only={hid: "^wasmtime"})
    assert res.status[hid] == "missed"


def test_imported_name_and_full_path_are_the_same_code(tmp_path: Path):
    before = BEFORE.replace("    ctx: WasiCtx,", "    ctx: wasmtime_wasi::p2::WasiCtx,")
    maint = before.replace("use wasmtime_wasi::{WasiCtx, WasiView};", "use wasmtime_wasi::{WasiCtx, WasiView};\n"
                           "use wasmtime_wasi::WasiCtxView;").replace(
        "    ctx: wasmtime_wasi::p2::WasiCtx,", "    ctx: WasiCtxView,")
    tool = before.replace("    ctx: wasmtime_wasi::p2::WasiCtx,", "    ctx: wasmtime_wasi::WasiCtxView,")
    hunks, res = _score(tmp_path / "a", maint, tool, before=before)
    assert {res.status[h.id] for h in hunks} == {"reproduced"}
    assert res.extras == []
    wrong = before.replace("    ctx: wasmtime_wasi::p2::WasiCtx,", "    ctx: wasmtime_wasi::p2::WasiCtxView,")
    hunks, res = _score(tmp_path / "b", maint, wrong, before=before)
    assert "missed" in {res.status[h.id] for h in hunks}


def test_use_self_alias_expands_to_its_module():
    from realworld.uses import alias_map, expand, use_decls

    imps = {i for d in use_decls("use wasmtime_wasi::p2::{self as wasi_preview2};\n") for i in d.imports}
    assert imps == {("", "wasmtime_wasi::p2 as wasi_preview2")}
    assert expand("let c: wasi_preview2::WasiCtx;", alias_map(imps)) == "let c: wasmtime_wasi::p2::WasiCtx;"


def test_reported_site_takes_the_maintainers_fix_over_the_tools_edit(tmp_path: Path):
    from realworld.compile import merge_fixes

    maint = BEFORE.replace("add_to_linker_sync(linker)", "p2::add_to_linker_sync(linker)").replace(
        "a + b", "a * b")
    tool = BEFORE.replace("add_to_linker_sync(linker)", "p1::add_to_linker_sync(linker)").replace(
        "struct Host {", "struct Host { // kept")
    md = parse_diff(_diff(tmp_path / "m", "x.rs", BEFORE, maint))["x.rs"]
    td = parse_diff(_diff(tmp_path / "t", "x.rs", BEFORE, tool))["x.rs"]
    lines, ids = merge_fixes(BEFORE.split("\n")[:-1], md, td.blocks, {9})  # the site of add_to_linker
    text = "\n".join(lines)
    assert "p2::add_to_linker_sync" in text and "p1::" not in text  # the fix replaced the tool's edit
    assert "// kept" in text  # the tool's other edit stays
    assert "a + b" in text  # the maintainers' hunk at an unreported site is not applied
    assert ids == [md.hunks[0].id]


BINDGEN = """\
wasmtime::component::bindgen!({
    path: "wit",
    world: "exports",
    async: true,
    with: {
        "wasi:http": wasmtime_wasi_http::bindings::http,
    },
});

fn other() -> u32 {
    1
}
"""


def test_reported_site_takes_the_hunks_blocks_in_the_same_item(tmp_path: Path):
    from realworld.compile import merge_fixes, top_level_items

    # the maintainers moved an option inside one bindgen! call (two blocks of one hunk) and, 3 lines
    # below in the same hunk, changed another item: only the first is the fix at the reported site
    maint = BINDGEN.replace("    async: true,\n", "").replace(
        "    },\n});", "    },\n    exports: { default: async },\n});")
    maint = maint.replace("    1\n", "    2\n")
    md = parse_diff(_diff(tmp_path, "b.rs", BINDGEN, maint))["b.rs"]
    assert len(md.hunks) == 1 and len(md.hunks[0].blocks) == 3
    lines, ids = merge_fixes(BINDGEN.split("\n")[:-1], md, [], {3}, top_level_items(BINDGEN))
    text = "\n".join(lines)
    assert "async: true" not in text and "exports: { default: async }" in text  # the whole move
    assert "    1" in text and "    2" not in text  # the other item's change is not applied
    assert ids == [md.hunks[0].id]
    lines, _ = merge_fixes(BINDGEN.split("\n")[:-1], md, [], {3})  # without items: the near block only
    assert "exports: { default: async }" not in "\n".join(lines)


def test_a_follow_up_pointing_at_a_wit_tree_takes_the_maintainers_whole_change_there(tmp_path: Path):
    from realworld.compile import fixes_for

    repo = tmp_path / "repo"
    repo.mkdir()

    def sh(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()

    sh("init", "-q")
    files = {"src/lib.rs": BINDGEN,
             "wit/world.wit": "package a:b;\nworld exports {\n  import wasi:http/types@0.2.3;\n}\n",
             "wit/deps/http/types.wit": "package wasi:http@0.2.3;\n", "other/x.wit": "package o:x;\n"}
    for k, v in files.items():
        (repo / k).parent.mkdir(parents=True, exist_ok=True)
        (repo / k).write_text(v)
    sh("add", "-A")
    sh("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "before")
    before = sh("rev-parse", "HEAD")
    (repo / "wit/world.wit").write_text(files["wit/world.wit"].replace("0.2.3", "0.2.6"))
    (repo / "wit/deps/http/types.wit").unlink()
    (repo / "wit/deps/wasi-http-0.2.6").mkdir(parents=True)
    (repo / "wit/deps/wasi-http-0.2.6/package.wit").write_text("package wasi:http@0.2.6;\n")
    (repo / "other/x.wit").write_text("package o:y;\n")
    sh("add", "-A")
    sh("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "after")
    pair = Pair("p", "o/n", before, sh("rev-parse", "HEAD"), "34", "41", "yes")
    run = {"diff": "", "report": {"follow_ups": [
        {"file": "src/lib.rs", "line": 6, "step": "s", "message": "re-vendor", "paths": ["wit"]}]}}
    out, applied, taken = fixes_for(pair, repo / ".git", run)
    assert out["wit/deps/http/types.wit"] is None  # deleted
    assert out["wit/deps/wasi-http-0.2.6/package.wit"] == ["package wasi:http@0.2.6;"]
    assert "  import wasi:http/types@0.2.6;" in out["wit/world.wit"]
    assert "other/x.wit" not in out  # outside the pointed-to tree
    assert applied == [] and taken == {"wit": 3}  # no hunk at the site itself; three files under wit/


def test_lock_file_dependents_make_a_third_party_bump_mechanical(tmp_path: Path):
    pair = Pair("p", "o/n", "a" * 40, "b" * 40, "29", "36", "yes")
    before = '[dependencies]\nwasmtime = "29"\nwasi-helper = "1.0"\n'
    after = before.replace('"29"', '"36"').replace('"1.0"', '"2.0"')
    fd = parse_diff(_diff(tmp_path, "Cargo.toml", before, after))["Cargo.toml"]
    lines = before.split("\n")[:-1]
    assert rule_label(pair, fd, fd.hunks[0], lines, after) is None  # mixed with an unknown crate: read it
    got = rule_label(pair, fd, fd.hunks[0], lines, after, {"wasi-helper"})
    assert got is not None and got[0] == "mechanical" and "wasi-helper depends on wasmtime" in got[2]


def test_wit_rules(tmp_path: Path):
    pair = Pair("p", "o/n", "a" * 40, "b" * 40, "29", "36", "yes")
    wit = "interface i {\n  f: func(x: float32) -> float64;\n}\n"
    fd = parse_diff(_diff(tmp_path / "a", "wit/world.wit", wit, wit.replace("float", "f")))["wit/world.wit"]
    assert rule_label(pair, fd, fd.hunks[0], wit.split("\n")[:-1], "")[0] == "mechanical"
    vend = "package wasi:io@0.2.0;\ninterface poll {\n  ready: func() -> bool;\n}\n"
    newer = ("package wasi:io@0.2.6;\n@since(version = 0.2.0)\ninterface poll {\n  /// docs\n"
             "  ready: func() -> bool;\n}\n")
    fd = parse_diff(_diff(tmp_path / "b", "wit/deps/io/poll.wit", vend, newer))["wit/deps/io/poll.wit"]
    assert rule_label(pair, fd, fd.hunks[0], vend.split("\n")[:-1], "")[0] == "judgement"
    added = newer.replace("ready", "block")
    fd = parse_diff(_diff(tmp_path / "c", "wit/deps/io/poll.wit", vend, added))["wit/deps/io/poll.wit"]
    assert rule_label(pair, fd, fd.hunks[0], vend.split("\n")[:-1], "") is None  # an interface change: read it


def test_a_deleted_fix_file_leaves_no_empty_directory(tmp_path: Path):
    from realworld.compile import _remove

    (tmp_path / "wit/deps/http").mkdir(parents=True)
    (tmp_path / "wit/deps/http/types.wit").write_text("package wasi:http@0.2.3;\n")
    (tmp_path / "wit/world.wit").write_text("package a:b;\n")
    _remove(tmp_path, "wit/deps/http/types.wit")
    assert not (tmp_path / "wit/deps").exists() and (tmp_path / "wit/world.wit").is_file()
