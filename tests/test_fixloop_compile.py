"""Compile tier: `upgrade --verify` finishes the job with the compiler in the loop (wasmtime 29 -> 36,
the versions the compile tier already builds), and rolls back a suggestion that adds errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, ROOT, make_repo, tree
from jsonschema import Draft202012Validator
from oracle import TARGET_DIR, have_cargo

from wasm_codemod.writer import journal_paths

pytestmark = [pytest.mark.compile, pytest.mark.skipif(not have_cargo(), reason="needs cargo")]

MANIFEST = ('[package]\nname = "host"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[workspace]\n\n'
            '[dependencies]\nwasmtime = "29"\nwasmtime-wasi = { version = "29.0.1" }\nanyhow = "1"\n')

# Names reached through a prelude of re-exports: no step can tell where `OutputFile`, `stdout` or
# `Config` come from, so the chain leaves them; the compiler can.
PRELUDE_HOST = """\
//! A host that names wasmtime through a prelude module of re-exports.
mod prelude {
    pub use wasmtime::*;
    pub use wasmtime_wasi::*;
}
use prelude::*;

mod io {
    use super::*;

    pub fn capture() -> OutputFile {
        OutputFile::new(std::fs::File::create("guest-stdout.txt").unwrap())
    }

    pub fn stdout_stream() {
        let out = stdout();
        let _stream = out.stream();
    }
}

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.cache_config_load_default()?;
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    let mut builder = WasiCtxBuilder::new();
    builder.stdout(io::capture());
    let _ctx = builder.build();
    let _store = Store::new(&engine, ());
    io::stdout_stream();
    Ok(())
}
"""

# `Component::export_index` is `get_export` from 33; rustc offers `get_export_index`, which exists
# but returns no item: the tuple pattern then fails on the same line.
EXPORT_HOST = """\
mod prelude {
    pub use wasmtime::component::*;
    pub use wasmtime::*;
}
use prelude::*;

fn lookup(component: &Component) -> Option<ComponentExportIndex> {
    let (_item, index) = component.export_index(None, "run")?;
    Some(index)
}

fn main() -> Result<()> {
    let engine = Engine::default();
    let component = Component::new(&engine, "(component)")?;
    println!("{}", lookup(&component).is_some());
    Ok(())
}
"""


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WASM_CODEMOD_VERIFY_TARGET=str(TARGET_DIR))  # share the oracle's build cache
    return subprocess.run([sys.executable, "-m", "wasm_codemod", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, check=False)


def _repo(tmp_path: Path, src: str) -> Path:
    # the example's lock file: the same resolution the compile tier has built
    return make_repo(tmp_path / "host", {"Cargo.toml": MANIFEST, "src/main.rs": src,
                                         "Cargo.lock": (EXAMPLE / "Cargo.lock").read_bytes(),
                                         ".gitignore": "target/\n"})


def _validate(doc: dict) -> None:
    from referencing import Registry, Resource

    reg = Registry()
    for f in (ROOT / "docs" / "schema").glob("*.json"):
        d = json.loads(f.read_text())
        reg = reg.with_resource(d["$id"], Resource.from_contents(d))
    schema = json.loads((ROOT / "docs" / "schema" / "report-v2.schema.json").read_text())
    Draft202012Validator(schema, registry=reg).validate(doc)


def test_loop_fixes_what_the_chain_could_not_see(tmp_path: Path):
    repo = _repo(tmp_path, PRELUDE_HOST)
    res = _cli("upgrade", ".", "--to", "36", "--verify", "--format", "json", "--report", str(tmp_path / "r.json"),
               "--diff-file", str(tmp_path / "d.patch"), cwd=repo)
    assert res.returncode == 0, res.stdout + res.stderr
    doc = json.loads(res.stdout)
    _validate(doc)
    (v,) = doc["verify"]
    assert v["ok"] and v["errors"] == [] and v["errors_before"] == 4
    # moved items behind the glob from the steps' path tables, the removed cache method by the
    # 33 step's known fix, the renamed trait method and then its trait import by rustc
    assert v["fixes_by_source"] == {"step": 3, "known-fix": 1, "rustc": 2}
    assert all(r["status"] == "kept" for r in v["rounds"]) and v["rounds"][-1]["errors_after"] == 0
    main = (repo / "src" / "main.rs").read_text()
    for line in ("    use wasmtime_wasi::cli::OutputFile;", "    use wasmtime_wasi::cli::stdout;",
                 "    use wasmtime_wasi::cli::StdoutStream;", "        let _stream = out.p2_stream();",
                 "    config.cache(Some(wasmtime::Cache::from_file(None)?));"):
        assert line + "\n" in main
    # the loop's edits are part of the run: in the report's changes, and rustc's guesses for review
    assert any("fix-loop" in c["steps"] for c in doc["changes"] if c["file"] == "src/main.rs")
    assert {f["step"] for f in doc["follow_ups"] if f["severity"] == "review"} == {"fix-loop"}
    # --report/--diff-file, written before the first rename, are rewritten with the loop's rounds
    assert json.loads((tmp_path / "r.json").read_text())["verify"] == doc["verify"]
    assert "+        let _stream = out.p2_stream();" in (tmp_path / "d.patch").read_text()
    # the rounds went through the journaled writer, which leaves no journal behind
    assert not [p for p in journal_paths(repo) if p.exists()]
    again = _cli("upgrade", ".", "--to", "36", "--check", "--allow-dirty", cwd=repo)
    assert again.returncode == 0, again.stdout + again.stderr


def test_suggestion_that_adds_errors_is_rolled_back(tmp_path: Path):
    repo = _repo(tmp_path, EXPORT_HOST)
    res = _cli("upgrade", ".", "--to", "36", "--verify", "--format", "json", cwd=repo)
    assert res.returncode == 4, res.stdout + res.stderr
    doc = json.loads(res.stdout)
    _validate(doc)
    (v,) = doc["verify"]
    assert [r["status"] for r in v["rounds"]] == ["rolled-back"]
    rejected = [f["rule"] for f in v["rounds"][0]["rejected"]]
    assert rejected == ["there is a method `get_export_index` with a similar name"]
    assert (repo / "src" / "main.rs").read_text() == EXPORT_HOST  # the chain had nothing to do here, nor has the loop
    (err,) = v["errors"]
    assert (err["code"], err["line"], err["column"]) == ("E0599", 8, 36)
    fu = [f for f in doc["follow_ups"] if f["step"] == "cargo-check"]
    assert len(fu) == 1 and fu[0]["line"] == 8 and fu[0]["message"].startswith("rustc E0599 at 8:36-8:48: no method")


def test_rollback_on_fail_restores_the_loops_edits_too(tmp_path: Path):
    repo = _repo(tmp_path, PRELUDE_HOST.replace("let _stream = out.stream();", "let _tty = out.isatty();"))
    before = tree(repo)
    # the loop fixes the imports and the cache call; `isatty` has no fix (IsTerminal from 36)
    res = _cli("upgrade", ".", "--to", "36", "--verify", "--rollback-on-fail", "--format", "json", cwd=repo)
    assert res.returncode == 4, res.stdout + res.stderr
    doc = json.loads(res.stdout)
    assert doc["status"] == "rolled-back" and doc["verify"][0]["fixes_by_source"]
    assert [e["message"] for e in doc["verify"][0]["errors"]] == [
        "no method named `isatty` found for struct `wasmtime_wasi::cli::Stdout` in the current scope"]
    assert tree(repo) == before
