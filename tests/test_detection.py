"""Version detection and Cargo.toml bumps over the manifest shapes real projects use."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomlkit

from wasm_codemod.cargo import bump_requirement
from wasm_codemod.discover import discover
from wasm_codemod.engine import detect
from wasm_codemod.plan import load_registry
from wasm_codemod.versions import requirement_line

WASMTIME = load_registry().families["wasmtime"]
GUEST = load_registry().families["wit-bindgen"]


@pytest.mark.parametrize("spec,line", [
    ("29", "29"), ("29.0", "29"), ("29.0.1", "29"), ("=29.0.1", "29"), ("^29", "29"), ("~29.0", "29"),
    (">= 27.0.0, < 31.0.0", "30"), (">=29, <=33.0.2", "33"), ("0.41", "0.41"), ("=0.41.0", "0.41"),
    (">=0.41, <0.43", "0.42"),
])
def test_requirement_line(spec, line):
    assert requirement_line(spec) == line


@pytest.mark.parametrize("old,line,patch,new", [
    ("29", "36", "36.0.20", "36"),
    ("29.0", "36", "36.0.20", "36.0"),
    ("29.0.1", "36", "36.0.20", "36.0.20"),
    ("=29.0.1", "36", "36.0.20", "=36.0.20"),
    ("^29.0.1", "36", "36.0.20", "^36.0.20"),
    ("0.41", "0.45", "0.45.1", "0.45"),
    ("0.41.0", "0.45", "0.45.1", "0.45.1"),
    (">= 27.0.0, < 31.0.0", "36", "36.0.20", "36.0.20"),
])
def test_bump_keeps_the_spec_style(old, line, patch, new):
    assert bump_requirement(old, line, patch) == new


def _crate(tmp_path: Path, files: dict[str, str]):
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return {c.name: c for c in discover([tmp_path]).crates}


PKG = '[package]\nname = "{name}"\nversion = "0.1.0"\nedition = "2021"\n'


@pytest.mark.parametrize("deps,line", [
    ('[dependencies]\nwasmtime = "31"\n', "31"),
    ('[dependencies]\nwasmtime = { version = "=32.0.1", default-features = false }\n', "32"),
    ('[dependencies.wasmtime]\nversion = "33.0"\nfeatures = ["async"]\n', "33"),
    ("[target.'cfg(unix)'.dependencies]\nwasmtime = \"34\"\n", "34"),
    ('[dev-dependencies]\nwasmtime = "35"\n', "35"),
    ('[build-dependencies]\nwasmtime-wasi = "30"\n', "30"),
    ('[dependencies]\nrt = { package = "wasmtime", version = "36" }\n', "36"),
    ('[dependencies]\nwasmtime = { version = ">= 29.0.0, < 31.0.0" } # a range\n', "30"),
])
def test_detect_from_manifest_shapes(tmp_path, deps, line):
    crates = _crate(tmp_path, {"Cargo.toml": PKG.format(name="h") + deps})
    det = detect(crates["h"], WASMTIME)
    assert det is not None and (det.line, det.source) == (line, "Cargo.toml")


def test_workspace_inheritance_and_lock(tmp_path):
    crates = _crate(tmp_path, {
        "Cargo.toml": '[workspace]\nmembers = ["host"]\n\n[workspace.dependencies]\nwasmtime = "29.0.1"\n',
        "host/Cargo.toml": PKG.format(name="host")
        + '\n[dependencies]\nwasmtime = { workspace = true, features = ["async"] }\n',
        "Cargo.lock": 'version = 3\n\n[[package]]\nname = "wasmtime"\nversion = "29.0.1"\n',
    })
    det = detect(crates["host"], WASMTIME)
    assert (det.line, det.source, det.exact) == ("29", "Cargo.lock", "29.0.1")


def test_stale_lock_loses_to_the_manifest(tmp_path):
    # right after an upgrade Cargo.toml says 36 while Cargo.lock still says 29: the manifest is what builds
    crates = _crate(tmp_path, {
        "Cargo.toml": PKG.format(name="h") + '[dependencies]\nwasmtime = "36"\n',
        "Cargo.lock": 'version = 3\n\n[[package]]\nname = "wasmtime"\nversion = "29.0.1"\n',
    })
    det = detect(crates["h"], WASMTIME)
    assert (det.line, det.source) == ("36", "Cargo.toml")


def test_guest_rt_only_crate_and_unrelated_crates(tmp_path):
    crates = _crate(tmp_path, {
        "g/Cargo.toml": PKG.format(name="g") + '[dependencies]\nwit-bindgen-rt = { version = "0.41.0" }\n',
        "other/Cargo.toml": PKG.format(name="other") + '[dependencies]\nserde = "1"\n',
    })
    assert detect(crates["g"], GUEST).line == "0.41"
    assert detect(crates["other"], WASMTIME) is None and detect(crates["other"], GUEST) is None


def test_manifest_edit_keeps_comments_and_layout(tmp_path):
    from wasm_codemod.engine import upgrade_manifest
    from wasm_codemod.plan import make_plan

    text = ('[package]\nname = "h"\nversion = "0.1.0"\n\n[dependencies]\n'
            '# runtime\nwasmtime = { version = "=29.0.1", features = [\n    "async",   # for hosts\n] }\n'
            "wasmtime-wasi = '29'  # literal string\nanyhow = \"1\"\n")
    crates = _crate(tmp_path, {"Cargo.toml": text})
    m = crates["h"].manifest
    upgrade_manifest(m, "Cargo.toml", WASMTIME, make_plan(load_registry(), "wasmtime", "29", "36"))
    out = tomlkit.dumps(m.doc)
    assert out == text.replace("=29.0.1", f"={WASMTIME.newest_patch('36')}").replace("'29'", "'36'")


def test_manifest_moves_cranelift_companions_with_wasmtime(tmp_path):
    """cranelift-* is released with wasmtime N as 0.(N+87): a host naming it bumps it along."""
    from wasm_codemod.engine import upgrade_manifest
    from wasm_codemod.plan import make_plan

    text = ('[package]\nname = "h"\nversion = "0.1.0"\n\n[dependencies]\nwasmtime = "35.0.0"\n'
            'cranelift-entity = "^0.122.0"\ncranelift-codegen = { version = "0.124", default-features = false }\n'
            'cranelift-wasm = "0.112"\n')
    crates = _crate(tmp_path, {"Cargo.toml": text})
    m = crates["h"].manifest
    res = upgrade_manifest(m, "Cargo.toml", WASMTIME, make_plan(load_registry(), "wasmtime", "35", "36"))
    out = tomlkit.dumps(m.doc)
    patch = WASMTIME.newest_patch("36").split(".")[2]
    assert f'cranelift-entity = "^0.123.{patch}"' in out
    assert 'cranelift-codegen = { version = "0.124", default-features = false }' in out  # already newer
    assert 'cranelift-wasm = "0.112"' in out  # not released past wasmtime 25: left alone
    assert res.changed
    assert [(f.line, f.severity) for f in res.follow_ups if "cranelift" in f.message] == [(7, "review")]
