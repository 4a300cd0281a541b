"""A follow-up can name the other files its fix is made in (`paths`): the 35 re-vendoring report
names the bindgen's WIT tree, relative like the follow-up's file, in the JSON report too."""

from __future__ import annotations

import json
from pathlib import Path

from golden_harness import build_crate, cases, run_case

from wasm_codemod.report import to_json


def test_revendor_follow_up_names_the_wit_tree(tmp_path: Path):
    case = next(c for c in cases() if c.step == "wasmtime-35-http-link-options" and c.name == "old-vendored-wit")
    crate = build_crate(case, "before", tmp_path / "b")
    result = run_case(case, crate, write=False)
    fu = [f for f in result.follow_ups if "Re-vendor" in f.message]
    assert len(fu) == 1 and fu[0].paths == ("wit",)
    assert (crate / fu[0].paths[0] / "deps").is_dir()  # the tree it names is the one the bindgen reads
    doc = json.loads(json.dumps(to_json(result, "dry-run")))
    listed = [f for f in doc["follow_ups"] if "Re-vendor" in f["message"]]
    assert listed[0]["paths"] == ["wit"]
    assert all("paths" not in f for f in doc["follow_ups"] if f not in listed)  # only when there are some
