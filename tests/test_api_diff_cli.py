"""api-diff rendering and the "newer release than the chain" notice of `list` / `plan` (no cargo, no network)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from wasm_codemod.apidiff import api, diff, index, surface
from wasm_codemod.apidiff.newest import notices

FIX = Path(__file__).resolve().parent / "fixtures" / "apidiff"
ROOT = Path(__file__).resolve().parents[1]


def _result() -> api.Result:
    a, b = surface.load(FIX / "v1.json"), surface.load(FIX / "v2.json")
    fa = json.loads((FIX / "v1.features.json").read_text())
    fb = json.loads((FIX / "v2.features.json").read_text())
    changes = diff.diff(a, b, fa, fb)
    status = {c.key: ("no-source-impact", "internal") for c in changes if c.hidden}
    status.update({c.key: ("open", "") for c in changes if not c.hidden})
    return api.Result("apidiff-fixture", "1.0.0", "2.0.0", (), changes, status)


def test_text_groups_by_kind_and_marks_decisions() -> None:
    out = api.to_text(_result())
    assert out.startswith("apidiff-fixture 1.0.0 -> 2.0.0: 21 breaking change(s)")
    assert "\nitem moved (new path) (3):\n" in out and "\nCargo feature removed or renamed (2):\n" in out
    assert "is at `apidiff_fixture::newplace::Moved`  [open]" in out
    assert "[hidden]  [no-source-impact: internal]" in out
    assert "      old: fn(u32) -> u32\n      new: fn(u32, u32) -> u32" in out
    assert "20 open:" in out


def test_json_has_counts_and_rows() -> None:
    doc = _result().to_json()
    assert doc["found"] == 21 and doc["open"] == 20
    assert doc["by_kind"]["moved"] == 3 and doc["by_kind"]["feature-removed"] == 2
    row = next(r for r in doc["changes"] if r["path"] == "old-name")
    assert row == {"kind": "feature-removed", "path": "old-name", "detail": row["detail"], "new_path": "new-name",
                   "status": "open", "value": ""}


def test_resolve_exact_version_needs_no_index() -> None:
    assert api.resolve("wasmtime", "36.0.2") == "36.0.2"


def test_index_url_and_newest_per_line() -> None:
    assert index.index_url("wasmtime") == "https://index.crates.io/wa/sm/wasmtime"
    assert index.index_url("wit-bindgen") == "https://index.crates.io/wi/t-/wit-bindgen"
    assert index.newest_per_line(["36.0.1", "36.0.20", "36.0.3", "0.45.1", "0.45.0"]) == {"0.45": "0.45.1",
                                                                                         "36": "36.0.20"}


def _seed(cache: Path, crate: str, versions: list[str]) -> None:
    (cache / "index").mkdir(parents=True, exist_ok=True)
    (cache / "index" / f"{crate}.json").write_text(json.dumps({"fetched": time.time(), "versions": versions}))


def _cli(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WASM_CODEMOD_CACHE=str(cache), WASM_CODEMOD_OFFLINE="1")
    return subprocess.run([sys.executable, "-m", "wasm_codemod", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=False)


def test_list_and_plan_name_a_newer_major(tmp_path: Path) -> None:
    _seed(tmp_path, "wasmtime", ["49.0.5", "50.0.1", "51.0.0"])
    _seed(tmp_path, "wit-bindgen", ["0.63.0"])
    res = _cli("list", "--format", "json", cache=tmp_path)
    assert res.returncode == 0
    assert "crates.io has wasmtime 51, past the newest line the steps cover (50)" in res.stderr
    assert "wasm-codemod api-diff wasmtime 50 51" in res.stderr
    json.loads(res.stdout)  # stdout stays parseable
    res = _cli("plan", "examples/plugin-host", "--format", "json", cache=tmp_path)
    assert res.returncode == 0 and "crates.io has wasmtime 51" in res.stderr


def test_no_notice_when_the_chain_is_current_or_offline(tmp_path: Path) -> None:
    _seed(tmp_path, "wasmtime", ["49.0.5", "50.0.1"])
    _seed(tmp_path, "wit-bindgen", ["0.63.0"])
    assert "crates.io has" not in _cli("list", cache=tmp_path).stderr
    empty = tmp_path / "empty"
    assert "crates.io has" not in _cli("list", cache=empty).stderr  # offline, nothing cached: silent


def test_notices_are_per_family() -> None:
    class Fam:
        def __init__(self, name: str, primary: str, top: str) -> None:
            self.name, self.primary, self.default_target = name, primary, top

    orig = index.versions
    try:
        index.versions = lambda crate, **_kw: {"wasmtime": ["50.0.1"], "wit-bindgen": ["0.63.0", "0.64.1"]}[crate]
        out = notices([Fam("wasmtime", "wasmtime", "50"), Fam("wit-bindgen", "wit-bindgen", "0.63")])
    finally:
        index.versions = orig
    assert len(out) == 1 and "wit-bindgen 0.64" in out[0] and "api-diff wit-bindgen 0.63 0.64" in out[0]


def test_api_diff_rejects_a_bad_format(tmp_path: Path) -> None:
    res = _cli("api-diff", "wasmtime", "49", "50", "--format", "yaml", cache=tmp_path)
    assert res.returncode == 2 and "expected text or json" in res.stderr
