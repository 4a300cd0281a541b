"""api-diff: rustdoc JSON reading and the breaking-change diff, on two fixture crates.

The fixtures (tests/fixtures/apidiff/v1, v2) make one breaking change of each kind; their
rustdoc JSON is committed (pruned). The compile-tier test rebuilds it with this toolchain and
checks the diff is unchanged, so a rustdoc format change cannot go unnoticed.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from wasm_codemod.apidiff import api, diff, ledger, surface
from wasm_codemod.apidiff.diff import Change

FIX = Path(__file__).resolve().parent / "fixtures" / "apidiff"
C = "apidiff_fixture"

EXPECTED = {
    ("removed", f"{C}::__private", None),
    ("removed", f"{C}::gone", None),
    ("removed", f"{C}::mac!", None),
    ("moved", f"{C}::Moved", f"{C}::newplace::Moved"),
    ("moved", f"{C}::Thing", f"{C}::other::Thing"),  # a `pub use` re-export matched to the added item
    ("moved", f"{C}::old_mod", f"{C}::new_mod"),  # a module renamed: matched by its children
    ("member-removed", f"{C}::S::old_name", f"{C}::S::new_name"),  # same signature added: a rename
    ("member-removed", f"{C}::S::removed", None),
    ("signature", f"{C}::G", None),
    ("signature", f"{C}::Lit::b", None),
    ("signature", f"{C}::S::changed", None),
    ("signature", f"{C}::f", None),
    ("trait-item-added", f"{C}::Tr::provided", None),
    ("trait-item-added", f"{C}::Tr::required", None),
    ("variant-added", f"{C}::Closing::{{non_exhaustive}}", None),
    ("variant-added", f"{C}::E::C", None),
    ("variant-removed", f"{C}::Shrinks::Drop", None),
    ("field-removed", f"{C}::S::dropped", None),
    ("impl-removed", f"{C}::S::{{impl Clone}}", None),
    ("feature-removed", "dropped", None),
    ("feature-removed", "old-name", "new-name"),
}


def _changes(d1: Path = FIX, d2: Path = FIX) -> list[Change]:
    a, b = surface.load(d1 / "v1.json"), surface.load(d2 / "v2.json")
    fa = json.loads((d1 / "v1.features.json").read_text())
    fb = json.loads((d2 / "v2.features.json").read_text())
    return diff.diff(a, b, fa, fb)


def test_every_kind_found_and_nothing_else() -> None:
    got = {(c.kind, c.path, c.new_path) for c in _changes()}
    assert got == EXPECTED


def test_surface_paths_namespaces_and_hidden() -> None:
    s = surface.load(FIX / "v1.json")
    assert s.crate == C and s.format_version in surface.SUPPORTED_FORMATS
    assert s.paths[f"{C}::Thing"].kind == "struct"  # through `pub use private::Thing`
    assert f"{C}::private::Thing" not in s.paths  # the private module is not a path
    assert f"{C}::mac!" in s.paths and s.paths[f"{C}::mac!"].kind == "macro"
    assert s.hidden == {f"{C}::__private", f"{C}::__private::internal"}
    st = s.paths[f"{C}::S"]
    assert st.members["old_name"].sig == "fn(self: &Self) -> u32"
    assert "Clone" in st.impls and st.members["field kept"].sig == "u32"
    tr = s.paths[f"{C}::Tr"].members
    assert not tr["a"].has_default and tr["provided"].has_default


def test_details_keep_old_and_new_signatures() -> None:
    by = {(c.kind, c.path): c for c in _changes()}
    f = by[("signature", f"{C}::f")]
    assert (f.old, f.new) == ("fn(u32) -> u32", "fn(u32, u32) -> u32")
    assert by[("signature", f"{C}::G")].new == "<T: std::Send>"
    assert by[("removed", f"{C}::__private")].hidden
    assert by[("moved", f"{C}::old_mod")].folded == 3  # A, B, helper went with the module
    assert not by[("removed", f"{C}::gone")].hidden


def test_no_change_between_identical_surfaces() -> None:
    a = surface.load(FIX / "v1.json")
    assert diff.diff(a, surface.load(FIX / "v1.json"), {"x": []}, {"x": []}) == []


def test_unknown_format_is_refused() -> None:
    doc = json.loads((FIX / "v1.json").read_text())
    doc["format_version"] = 9999
    with pytest.raises(surface.FormatError):
        surface.read(doc)


def test_change_json_round_trip() -> None:
    for c in _changes():
        assert Change.from_json(json.loads(json.dumps(c.to_json()))) == c


def test_line_ranges_and_compression() -> None:
    assert ledger.line_range("29", "32") == ("29", "30", "31", "32")
    assert ledger.line_range("0.41", "0.43") == ("0.41", "0.42", "0.43")
    lines = list(ledger.line_range("29", "40"))
    spec = ledger.compress(["29", "30", "31", "36", "38", "39"], lines)
    assert spec == "29-31,36,38-39"
    assert ledger.expand(spec, lines) == {"29", "30", "31", "36", "38", "39"}


def test_rules_first_match_wins_and_validate(tmp_path: Path) -> None:
    p = tmp_path / "d.toml"
    p.write_text('[[rule]]\nhidden = true\nno_source_impact = "internal"\n\n'
                 '[[rule]]\ncrate = "x"\nto = "30"\nkind = "moved"\npath = "x::a::*"\nstep = "s-30"\n', "utf-8")
    rules = ledger.load_rules(p)
    hid = Change("moved", "x::a::b", "", hidden=True)
    vis = Change("moved", "x::a::b", "")
    assert ledger.classify_one("x", "29->30", hid, rules) == ("no-source-impact", "internal", 1)
    assert ledger.classify_one("x", "29->30", vis, rules) == ("step", "s-30", 2)
    assert ledger.classify_one("x", "30->31", vis, rules) == ("open", "", None)
    p.write_text('[[rule]]\nkind = "nonsense"\nopen = ""\n', "utf-8")
    with pytest.raises(ValueError, match="unknown kind"):
        ledger.load_rules(p)
    p.write_text('[[rule]]\nstep = "a"\nopen = "b"\n', "utf-8")
    with pytest.raises(ValueError, match="exactly one"):
        ledger.load_rules(p)


def test_per_line_features(tmp_path: Path) -> None:
    """`features_from` switches a feature on from its line; older lines are built without it."""
    p = tmp_path / "config.toml"
    p.write_text('[groups.g]\nfamily = "f"\nfrom = "0.46"\nto = "0.50"\n\n'
                 '[groups.g.crates.c]\nfeatures = ["base"]\n'
                 'features_from = { "0.49" = ["late"], "0.48" = ["mid"] }\n', "utf-8")
    g = ledger.load_config(p)["g"]
    c = g.crates["c"]
    assert [c.features_at(ln) for ln in g.lines] == [("base",), ("base",), ("base", "mid"), ("base", "late", "mid"),
                                                      ("base", "late", "mid")]
    versions = {"c": {ln: f"{ln}.0" for ln in g.lines}}
    keys = {ln: ledger.targets_for_line(g, ln, versions)[0].feature_key for ln in g.lines}
    assert keys["0.46"] == keys["0.47"] != keys["0.48"] != keys["0.49"] == keys["0.50"]
    assert c.describe_features() == "default + `base` + `mid` (0.48+) + `late` (0.49+)"
    d = ledger.CrateDiffs("c", {}, {}, ["base"], 57, {"0.48": ["mid"]})
    assert ledger.CrateDiffs.from_json(json.loads(json.dumps(d.to_json()))) == d


def test_api_diff_names_both_feature_sets_when_they_differ() -> None:
    same = api.Result("c", "0.47.0", "0.48.1", ("x",), [])
    both = api.Result("c", "0.47.0", "0.48.1", (), [], features_new=("async-spawn",))
    assert "(features: default + x)" in api.to_text(same) and "features_new" not in same.to_json()
    assert "(features: default -> default + async-spawn)" in api.to_text(both)
    assert both.to_json()["features_new"] == ["default", "async-spawn"]


@pytest.mark.compile
def test_fixture_json_matches_this_toolchain() -> None:
    """Rebuild both fixtures with cargo rustdoc: same format version, same diff."""
    regen = FIX / "regen.py"
    with tempfile.TemporaryDirectory() as tmp:
        import runpy

        runpy.run_path(str(regen), run_name="not_main")["main"](Path(tmp))
        fresh = {(c.kind, c.path, c.new_path) for c in _changes(Path(tmp), Path(tmp))}
    assert fresh == EXPECTED
