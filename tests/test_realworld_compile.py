"""Slow tier: `cargo check` of the real-world corpus's small pairs (needs mirrors and crates.io).

    WASM_CODEMOD_MIRRORS=/work/.mirror python3 -m pytest -m realworld_compile

For each small pair: the maintainers' `after` must check clean (else the pair can't build here
and is skipped, saying why); then the tool's output plus only the maintainers' fixes at the
sites the tool reported must check clean too.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from realworld.compile import SMALL, check_pair  # noqa: E402
from realworld.corpus import find_mirror, load_corpus  # noqa: E402

PAIRS = [p for p in load_corpus() if p.slug in SMALL]

pytestmark = [pytest.mark.realworld_compile,
              pytest.mark.skipif(shutil.which("cargo") is None, reason="needs cargo")]


@pytest.mark.parametrize("pair", PAIRS, ids=[p.slug for p in PAIRS])
def test_tool_output_plus_reported_fixes_compiles(pair):
    if find_mirror(pair.repo) is None:
        pytest.skip(f"no mirror for {pair.repo} (realworld/README.md)")
    r = check_pair(pair)
    if not r["after"]["ok"]:
        pytest.skip(f"the maintainers' after does not build here: {r['after']['errors'][:3]}")
    if r["tool"] is None:
        pytest.skip(f"the tool changed nothing here (exit {r['tool_exit']}): {r['not_upgraded'][:3]}")
    assert r["tool"]["ok"], (f"tool output + fixes at {len(r['fixes_applied'])} reported hunk(s) fails: "
                             f"{r['tool']['errors'][:20]}")
