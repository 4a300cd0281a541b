"""Shapes of real repositories (issue: real repositories): family scoping, per-crate skips,
failure containment, workspace declarations, TOML 1.1 manifests, lock-step crates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import EXAMPLE, cli, make_repo, tree

from wasm_codemod.plan import Registry, load_registry
from wasm_codemod.runner import RunOptions, plan_run
from wasm_codemod.transform import Safety, Step, StepContext

HOST_RS = "use wasmtime_wasi::{WasiCtx, WasiView};\n"
OLD_GUEST = {
    "guests/old/Cargo.toml": '[package]\nname = "old-guest"\nversion = "0.1.0"\n\n[dependencies]\n'
                             'wit-bindgen = "0.15"\n',
    "guests/old/src/lib.rs": 'wit_bindgen::generate!({ world: "w", path: "wit" });\n',
    "guests/new/Cargo.toml": '[package]\nname = "new-guest"\nversion = "0.1.0"\n\n[dependencies]\n'
                             'wit-bindgen = "0.41"\n',
    "guests/new/src/lib.rs": 'wit_bindgen::generate!({ world: "w", path: "wit" });\n',
}


def _host_with_guests(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", dict(OLD_GUEST), source=EXAMPLE)


def _report(res) -> dict:
    return json.loads(res.stdout)


def test_to_alone_plans_only_the_host_family(tmp_path: Path):
    repo = _host_with_guests(tmp_path)
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stderr
    doc = _report(res)
    assert doc["skipped"] == []  # the 0.15 guest is not this run's business
    assert {p["family"] for c in doc["crates"] for p in c["plans"]} == {"wasmtime"}
    after = tree(repo)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed and not any(k.startswith("guests/") for k in changed)
    assert all(b"wit-bindgen" not in after[k] for k in changed if k.endswith("Cargo.toml"))


def test_guest_to_alone_plans_only_guests_and_skips_old_ones(tmp_path: Path):
    repo = _host_with_guests(tmp_path)
    before = tree(repo)
    res = cli("upgrade", ".", "--guest-to", "0.45", "--format", "json", cwd=repo)
    assert res.returncode == 7, res.stderr  # done, with a skip
    doc = _report(res)
    assert [(s["manifest"], s["family"]) for s in doc["skipped"]] == [("guests/old/Cargo.toml", "wit-bindgen")]
    assert "older than the oldest line" in doc["skipped"][0]["reason"]
    after = tree(repo)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"guests/new/Cargo.toml"}


def test_neither_flag_plans_every_family(tmp_path: Path):
    repo = _host_with_guests(tmp_path)
    res = cli("upgrade", ".", "--dry-run", "--format", "json", cwd=repo)
    assert res.returncode == 7, res.stderr
    fams = {p["family"] for c in _report(res)["crates"] for p in c["plans"]}
    assert fams == {"wasmtime", "wit-bindgen"}


def test_strict_refuses_a_run_with_skips(tmp_path: Path):
    repo = _host_with_guests(tmp_path)
    before = tree(repo)
    res = cli("upgrade", ".", "--strict", cwd=repo)
    assert res.returncode == 3 and b"guests/old/Cargo.toml" in res.stderr and b"--strict" in res.stderr
    assert tree(repo) == before


WS_ROOT = """[package]
name = "root-host"
version = "0.1.0"
edition = "2021"

[workspace]
members = ["guest-a", "guest-b"]

[workspace.dependencies]
wit-bindgen = "0.41"

[dependencies]
wasmtime = "29"
"""
LOCK_TWO_LINES = """version = 4

[[package]]
name = "wit-bindgen"
version = "0.41.0"

[[package]]
name = "wit-bindgen"
version = "0.43.0"

[[package]]
name = "wasmtime"
version = "29.0.1"
"""


def test_workspace_declaration_is_not_a_use_and_lock_picks_the_matching_line(tmp_path: Path):
    repo = make_repo(tmp_path / "ws", {
        "Cargo.toml": WS_ROOT,
        "Cargo.lock": LOCK_TWO_LINES,
        "src/main.rs": "fn main() {}\n",
        "guest-a/Cargo.toml": '[package]\nname = "guest-a"\nversion = "0.1.0"\n\n[dependencies]\n'
                              'wit-bindgen = { workspace = true }\n',
        "guest-a/src/lib.rs": "wit_bindgen::generate!();\n",
        # a member that pins its own line: the lock holds both, its requirement picks 0.43
        "guest-b/Cargo.toml": '[package]\nname = "guest-b"\nversion = "0.1.0"\n\n[dependencies]\n'
                              'wit-bindgen = "0.43"\n',
        "guest-b/src/lib.rs": "wit_bindgen::generate!();\n",
    })
    res = cli("upgrade", ".", "--guest-to", "0.45", "--dry-run", "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    doc = _report(res)
    detected = {c["name"]: [(d["family"], d["line"], d["source"]) for d in c["detected"]] for c in doc["crates"]}
    assert detected["root-host"] == []  # declares wit-bindgen for members, does not use it
    assert detected["guest-a"] == [("wit-bindgen", "0.41", "Cargo.lock")]
    assert detected["guest-b"] == [("wit-bindgen", "0.43", "Cargo.lock")]
    assert not doc["skipped"] and not doc["errors"]


def test_multiline_inline_table_manifest_is_read_and_bumped(tmp_path: Path):
    manifest = ('[package]\nname = "h"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
                'wasmtime = {\n    version = "29",\n    default-features = false,\n}\n'
                'helper = {\n  path = "../helper",\n  version = "0.1"\n}\n')
    repo = make_repo(tmp_path / "h", {"Cargo.toml": manifest, "src/main.rs": "fn main() {}\n"})
    res = cli("upgrade", ".", "--to", "33", cwd=repo)
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    text = (repo / "Cargo.toml").read_text()
    assert 'version = "33"' in text and 'path = "../helper"' in text and "default-features = false" in text


def test_rust_version_equal_to_the_target_msrv_is_left_alone(tmp_path: Path):
    fam = load_registry().families["wasmtime"]
    need = fam.releases["36"].rust_version
    assert need is not None
    short = ".".join(need.split(".")[:2])  # "1.86" when the target needs "1.86.0"
    manifest = (f'[package]\nname = "h"\nversion = "0.1.0"\nedition = "2021"\nrust-version = "{short}"\n\n'
                '[dependencies]\nwasmtime = "35"\n')
    repo = make_repo(tmp_path / "h", {"Cargo.toml": manifest, "src/main.rs": "fn main() {}\n"})
    res = cli("upgrade", ".", "--to", "36", "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stderr
    assert f'rust-version = "{short}"' in (repo / "Cargo.toml").read_text()
    assert not [f for f in _report(res)["follow_ups"] if "rust-version" in f["message"]]


def test_lockstep_crates_are_bumped_renamed_or_reported(tmp_path: Path):
    manifest = ('[package]\nname = "h"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
                'wasmtime = "34"\nwasmtime-environ = "34"\n'
                'wasmtime-wit-bindgen = { version = "34", default-features = false }\n\n'
                '[patch.crates-io]\nwasmtime = { git = "https://github.com/example/wasmtime", branch = "fix" }\n')
    repo = make_repo(tmp_path / "h", {"Cargo.toml": manifest, "src/main.rs": "fn main() {}\n"})
    res = cli("upgrade", ".", "--to", "36", "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stderr
    text = (repo / "Cargo.toml").read_text()
    assert 'wasmtime-environ = "36"' in text
    # published as wasmtime-internal-wit-bindgen from 35: the key (and so the Rust name) stays
    assert ('wasmtime-wit-bindgen = { version = "36", default-features = false, '
            'package = "wasmtime-internal-wit-bindgen" }') in text
    msgs = [f["message"] for f in _report(res)["follow_ups"]]
    assert any("[patch.crates-io] wasmtime" in m and "36" in m for m in msgs)


@pytest.mark.parametrize(("target", "bumped"), [("30", True), ("35", False)])
def test_the_preview1_adapter_follows_wasmtime_except_at_lines_it_skips(tmp_path: Path, target: str, bumped: bool):
    manifest = ('[package]\nname = "h"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nwasmtime = "27"\n'
                'wasi-preview1-component-adapter-provider = { version = "27", default-features = false }\n')
    repo = make_repo(tmp_path / "h", {"Cargo.toml": manifest, "src/main.rs": "fn main() {}\n"})
    res = cli("upgrade", ".", "--to", target, "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stderr
    text = (repo / "Cargo.toml").read_text()
    assert f'wasmtime = "{target}"' in text
    adapter = 'wasi-preview1-component-adapter-provider = { version = "%s", default-features = false }'
    assert (adapter % (target if bumped else "27")) in text
    msgs = [f["message"] for f in _report(res)["follow_ups"] if "adapter" in f["message"]]
    assert bool(msgs) is not bumped
    if msgs:  # no 35 release: named, with the lines around it
        assert "has no wasmtime 35 release" in msgs[0] and "34 and 36" in msgs[0]


def test_third_party_crates_built_on_the_old_wasmtime_are_reported_from_the_lock(tmp_path: Path):
    manifest = ('[package]\nname = "h"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nwasmtime = "27"\n'
                'wrpc-runtime-wasmtime = "0.25"\nserde = "1"\nlocal = { path = "local" }\n')
    lock = ('version = 3\n\n[[package]]\nname = "h"\nversion = "0.1.0"\n'
            'dependencies = ["local", "serde", "wasmtime", "wrpc-runtime-wasmtime"]\n\n'
            '[[package]]\nname = "local"\nversion = "0.1.0"\ndependencies = ["wasmtime"]\n\n'
            '[[package]]\nname = "serde"\nversion = "1.0.200"\n\n'
            '[[package]]\nname = "wasmtime"\nversion = "27.0.0"\n\n'
            '[[package]]\nname = "wrpc-runtime-wasmtime"\nversion = "0.25.0"\ndependencies = ["serde", "wasmtime"]\n')
    repo = make_repo(tmp_path / "h", {"Cargo.toml": manifest, "Cargo.lock": lock, "src/main.rs": "fn main() {}\n",
                                       "local/Cargo.toml": '[package]\nname = "local"\nversion = "0.1.0"\n'
                                                           'edition = "2021"\n\n[dependencies]\nwasmtime = "27"\n',
                                       "local/src/lib.rs": ""})
    res = cli("upgrade", ".", "--to", "30", "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stderr
    fu = [f for f in _report(res)["follow_ups"] if "Cargo.lock" in f["message"]]
    # the third-party crate is named at its line, once; serde (no wasmtime) and the path member are not
    assert [(f["file"], f["line"]) for f in fu] == [("Cargo.toml", 8)]
    assert "wrpc-runtime-wasmtime 0.25.0 (Cargo.lock) is built on wasmtime 27.0.0" in fu[0]["message"]
    assert 'wrpc-runtime-wasmtime = "0.25"' in (repo / "Cargo.toml").read_text()  # reported, not bumped


# -- failure containment --------------------------------------------------------------------

def _raising(ctx: StepContext) -> None:
    for u in ctx.units:
        if b"BOOM" in u.src.data:
            raise RuntimeError("injected failure")


def _registry_with(step: Step) -> Registry:
    base = load_registry()
    return Registry(base.families, tuple(sorted((*base.steps, step), key=lambda s: (s.family, s.to_version, s.id))))


def test_a_raising_step_leaves_its_file_as_it_was_and_the_rest_is_upgraded(tmp_path: Path):
    repo = make_repo(tmp_path / "h", source=EXAMPLE)
    bad = repo / "src" / "bad.rs"
    bad.write_text("// BOOM\nuse wasmtime_wasi::{WasiCtx, WasiView};\n")
    boom = Step(id="wasmtime-31-test-boom", family="wasmtime", from_version="30", to_version="31",
                safety=Safety.SAFE, title="Boom", summary="Raises on files saying BOOM.", upstream="",
                prefilter=(b"BOOM",), apply=_raising)
    result = plan_run([repo], RunOptions(targets={"wasmtime": "36"}), base=repo, registry=_registry_with(boom))
    assert not result.errors
    by_file = {c.path.name: c for c in result.changes}
    assert "bad.rs" not in by_file  # byte-identical: not in the change set at all
    assert "main.rs" in by_file or any(n.endswith(".rs") for n in by_file)
    assert "Cargo.toml" in by_file
    errs = result.internal_errors
    assert len(errs) == 1 and errs[0].file == "src/bad.rs"
    assert "wasmtime-31-test-boom" in errs[0].message and "RuntimeError: injected failure" in errs[0].message
    assert "left as it was" in errs[0].message


def test_internal_error_exit_code_and_json(tmp_path: Path, monkeypatch):
    repo = make_repo(tmp_path / "h", source=EXAMPLE)
    from wasm_codemod import engine

    real = engine.rewrite_paths

    def flaky(src, chain, macros):
        if b"WasiView" in src.data and src.path.endswith("main.rs"):
            raise ValueError("path pass broke")
        return real(src, chain, macros)

    monkeypatch.setattr(engine, "rewrite_paths", flaky)
    from wasm_codemod.session import Exit, SessionOptions, run_repo

    out = run_repo(repo, SessionOptions(RunOptions(targets={"wasmtime": "36"}), mode="dry-run"))
    assert out.exit_code == Exit.INTERNAL
    rep = out.report or {}
    assert rep["totals"]["internal_errors"] >= 1
    assert any(f["step"] == "internal-error" and "path pass broke" in f["message"] for f in rep["follow_ups"])
    assert rep["totals"]["files_changed"] >= 1  # the manifest and the other files still go ahead


def _workspace_with_bindings_crate(tmp_path: Path) -> Path:
    """`runtime` depends on wasmtime; `host` reaches it only through `runtime` (a path dependency
    declared in the workspace), `tool` only through `host`; `docs` depends on nothing of ours."""
    return make_repo(tmp_path / "ws", {
        "Cargo.toml": '[workspace]\nmembers = ["runtime", "host", "tool", "docs", "gen"]\n\n'
                      '[workspace.dependencies]\nruntime = { path = "runtime" }\n',
        "runtime/Cargo.toml": '[package]\nname = "runtime"\nversion = "0.1.0"\n\n[dependencies]\nwasmtime = "33"\n'
                              '\n[build-dependencies]\ngen = { path = "../gen" }\n',
        # a generator the runtime's build script uses: host code in string templates
        "gen/Cargo.toml": '[package]\nname = "gen"\nversion = "0.1.0"\n',
        "gen/src/lib.rs": 'pub fn link(p: &str) -> String {\n    format!("{p}::add_to_linker(linker, |c| c)?;")\n}\n',
        "runtime/src/lib.rs": 'pub use wasmtime;\npub mod bindings {}\n',
        "host/Cargo.toml": '[package]\nname = "host"\nversion = "0.1.0"\n\n[dependencies]\nruntime.workspace = true\n',
        "host/src/lib.rs": "pub fn setup(reg: &mut Registry) {\n"
                           "    reg.link(runtime::bindings::logging::add_to_linker);\n}\n",
        "tool/Cargo.toml": '[package]\nname = "tool"\nversion = "0.1.0"\n\n[dependencies]\n'
                           'host = { path = "../host" }\n',
        "tool/src/lib.rs": "pub fn go(reg: &mut Registry) {\n    reg.link(host::gen::add_to_linker);\n}\n",
        "docs/Cargo.toml": '[package]\nname = "docs"\nversion = "0.1.0"\n',
        "docs/src/lib.rs": "pub fn go(reg: &mut Registry) {\n    reg.link(gen::add_to_linker);\n}\n",
    })


def test_crates_reaching_wasmtime_through_a_path_dependency_are_upgraded_at_its_line(tmp_path: Path):
    repo = _workspace_with_bindings_crate(tmp_path)
    result = plan_run([repo], RunOptions(targets={"wasmtime": "34"}), base=repo)
    by_name = {o.crate.name: o for o in result.crates}
    for name in ("host", "tool", "gen"):
        det = by_name[name].detected["wasmtime"]
        assert (det.line, det.source) == ("33", "path-dependency"), name
        assert [(p.current, p.target) for p in by_name[name].plans] == [("33", "34")]
        # the generated add_to_linker passed as a value is reported in the crate that passes it
        assert any(f.step == "wasmtime-34-has-data" and f.line == 2 for f in by_name[name].follow_ups), name
    assert by_name["docs"].detected == {} and by_name["docs"].plans == []
    assert by_name["runtime"].detected["wasmtime"].source in ("Cargo.toml", "Cargo.lock")
    # nothing to bump in the manifests that never named wasmtime
    assert not [c for c in result.changes if c.path.name == "Cargo.toml" and c.path.parent.name != "runtime"]


LOCK_WITH_PINNED_CRATE = """version = 3

[[package]]
name = "host"
version = "0.1.0"
dependencies = ["fuel-meter", "wasmtime", "wasm-helper"]

[[package]]
name = "fuel-meter"
version = "1.0.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = ["wasmtime"]

[[package]]
name = "wasm-helper"
version = "2.0.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = ["anyhow"]

[[package]]
name = "wasmtime"
version = "33.0.2"
source = "registry+https://github.com/rust-lang/crates.io-index"
"""


def test_a_third_party_crate_built_on_the_old_wasmtime_is_reported_with_its_requirement(tmp_path: Path):
    repo = make_repo(tmp_path / "pinned", {
        "Cargo.toml": '[package]\nname = "host"\nversion = "0.1.0"\n\n[dependencies]\nwasmtime = "33"\n'
                      'fuel-meter = "=1.0.0"\nwasm-helper = "2"\n',
        "Cargo.lock": LOCK_WITH_PINNED_CRATE,
        "src/lib.rs": "pub fn f() {}\n",
    })
    result = plan_run([repo], RunOptions(targets={"wasmtime": "34"}), base=repo)
    pinned = [f for f in result.follow_ups if "(Cargo.lock) is built on" in f.message]
    assert [(f.file, f.line) for f in pinned] == [("Cargo.toml", 7)]
    assert "fuel-meter 1.0.0 (Cargo.lock) is built on wasmtime 33.0.2" in pinned[0].message
    assert "wasmtime 34" in pinned[0].message
    # the same tree upgraded within its own line (nothing bumped) reports nothing
    same = plan_run([repo], RunOptions(targets={"wasmtime": "33"}), base=repo)
    assert not [f for f in same.follow_ups if "(Cargo.lock) is built on" in f.message]


def test_a_target_below_wasmtime_py_s_oldest_line_upgrades_rust_hosts(tmp_path: Path):
    """--to names both host families; wasmtime-py starts at 29, the Rust chain at 25: --to 28 is
    a Rust-only target, not a usage error."""
    manifest = '[package]\nname = "h"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nwasmtime = "26"\n'
    repo = make_repo(tmp_path / "h", {"Cargo.toml": manifest, "src/main.rs": "fn main() {}\n"})
    res = cli("upgrade", ".", "--to", "28", cwd=repo)
    assert res.returncode == 0, res.stderr
    assert 'wasmtime = "28"' in (repo / "Cargo.toml").read_text()


SDK_TREE = {
    "Cargo.toml": '[workspace]\nmembers = ["sdk", "macro", "derive"]\nresolver = "2"\n',
    "sdk/Cargo.toml": '[package]\nname = "sdk"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
                      'wit-bindgen = "0.16"\nsdk-macro = { path = "../macro" }\nsdk-derive = { path = "../derive" }\n',
    "sdk/src/lib.rs": 'pub use sdk_macro::*;\n',
    "macro/Cargo.toml": '[package]\nname = "sdk-macro"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\n'
                        'proc-macro = true\n\n[dependencies]\nquote = "1"\n',
    "macro/src/lib.rs": (
        "use quote::quote;\n"
        "\n"
        "fn preamble() -> proc_macro2::TokenStream {\n"
        "    quote! {\n"
        "        wit_bindgen::generate!({\n"
        "            world: \"app\",\n"
        "            exports: { world: App },\n"
        "        });\n"
        "        fn raw(r: Req) -> u32 { r.into_handle() }\n"
        "    }\n"
        "}\n"),
    # a proc-macro crate of the same guest that never writes wit-bindgen code: not planned
    "derive/Cargo.toml": '[package]\nname = "sdk-derive"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\n'
                         'proc-macro = true\n',
    "derive/src/lib.rs": "fn into_handle_like() -> u32 { 1.into_handle() }\n",
}


def test_a_guest_sdk_s_proc_macro_crate_is_upgraded_at_its_user_s_line(tmp_path: Path):
    repo = make_repo(tmp_path / "repo", dict(SDK_TREE))
    before = tree(repo)
    res = cli("upgrade", ".", "--guest-to", "0.43", "--format", "json", cwd=repo)
    assert res.returncode == 0, res.stderr
    doc = _report(res)
    planned = {c["path"]: [p["from"] for p in c["plans"]] for c in doc["crates"] if c["plans"]}
    assert planned == {"sdk": ["0.16"], "macro": ["0.16"]}
    after = tree(repo)
    assert b"r.take_handle()" in after["macro/src/lib.rs"]  # tokens of the template, rewritten
    assert after["derive/src/lib.rs"] == before["derive/src/lib.rs"]
    assert after["macro/Cargo.toml"] == before["macro/Cargo.toml"]  # no wit-bindgen dependency added
    sites = {(f["file"], f["line"]) for f in doc["follow_ups"]}
    assert ("macro/src/lib.rs", 7) in sites  # the template's `exports`
