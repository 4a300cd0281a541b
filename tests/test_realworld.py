"""Slow tier: the real-world corpus (needs git mirrors; see realworld/README.md).

    WASM_CODEMOD_MIRRORS=/work/.mirror python3 -m pytest -m realworld

Runs the tool on every pair with a mirror (reusing cached runs of the same tool commit),
scores it, writes docs/realworld.md, then checks the labels and the goals of the real-world
issues: no refusal, no crash, no wit-bindgen line changed by `--to`, no wrong edit, and the
reproduction rates.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realworld.corpus import find_mirror, load_corpus  # noqa: E402
from realworld.score import DOC, PairScore, grand, render, score_all  # noqa: E402

pytestmark = [pytest.mark.realworld,
              pytest.mark.skipif(not any(find_mirror(p.repo) for p in load_corpus()),
                                 reason="no corpus mirror found: set WASM_CODEMOD_MIRRORS (realworld/README.md)")]


@pytest.fixture(scope="module")
def scores() -> list[PairScore]:
    got, desc = score_all()
    DOC.write_text(render(got, desc), encoding="utf-8")
    return got


def _ran(scores: list[PairScore]) -> list[PairScore]:
    return [s for s in scores if s.run.get("status") == "ran"]


def test_every_pair_with_a_mirror_ran_and_was_scored(scores: list[PairScore]):
    for s in scores:
        has_mirror = find_mirror(s.pair.repo) is not None
        assert (s.run.get("status") == "ran") == has_mirror, s.pair.name
        if has_mirror:
            assert s.hunks, f"{s.pair.name}: no maintainers' hunks scored"


def test_every_maintainers_hunk_is_labelled(scores: list[PairScore]):
    missing = {s.pair.slug: s.count("?") for s in _ran(scores) if s.count("?")}
    stale = {s.pair.slug: s.stale_labels for s in _ran(scores) if s.stale_labels}
    assert not missing, f"unlabelled hunks (python3 -m realworld.labels PAIR --write --show): {missing}"
    assert not stale, f"labels naming no hunk: {stale}"


def test_no_whole_tree_refusal(scores: list[PairScore]):
    assert [s.pair.name for s in _ran(scores) if s.run["summary"]["refused"]] == []


def test_no_crash_or_internal_error(scores: list[PairScore]):
    assert [s.pair.name for s in _ran(scores) if s.run["summary"]["internal_errors"]] == []


def test_to_alone_changes_no_wit_bindgen_line(scores: list[PairScore]):
    assert {s.pair.name: s.run["summary"]["wit_bindgen_lines"] for s in _ran(scores)
            if s.run["summary"]["wit_bindgen_lines"]} == {}


def test_no_wrong_extra_edit(scores: list[PairScore]):
    assert [(s.pair.name, e.key) for s in scores for e, cls in s.extras if cls == "wrong"] == []


def test_reach(scores: list[PairScore]):
    g = grand(scores)
    mech = g["mechanical"]
    assert mech, "no mechanical hunk labelled"
    assert g["reproduced"] / mech >= 0.75, g
    assert (g["reproduced"] + g["reported"]) / mech >= 0.90, g
