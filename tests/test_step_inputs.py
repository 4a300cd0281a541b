"""What the engine reads for steps beyond a crate's files (step_inputs.py): path dependencies and WIT."""

from __future__ import annotations

from pathlib import Path

import layering_audit
from helpers import make_repo

from wasm_codemod.discover import discover
from wasm_codemod.runner import RunOptions, display_path, plan_run
from wasm_codemod.step_inputs import RunInputs

LINK = ("use wasmtime::component::Linker;\n\npub struct Registry<T> {\n    linker: Linker<T>,\n}\n\n"
        "impl<T> Registry<T> {\n    pub fn link(&mut self, f: fn(&mut Linker<T>, fn(&mut T) -> RET) "
        "-> anyhow::Result<()>) -> anyhow::Result<()> {\n        todo!()\n    }\n}\n")


def _workspace(tmp_path: Path, ret: str = "&mut T") -> Path:
    """`host` passes a generated add_to_linker to `runtime-core`'s link helper, a path dependency
    through `workspace = true` under another package name; `runtime-core` re-exports wasmtime."""
    return make_repo(tmp_path / "ws", {
        "Cargo.toml": '[workspace]\nmembers = ["runtime", "host", "other"]\n\n[workspace.dependencies]\n'
                      'runtime-core = { path = "runtime", package = "runtime-core" }\n',
        "runtime/Cargo.toml": '[package]\nname = "runtime-core"\nversion = "0.1.0"\n\n'
                              '[dependencies]\nwasmtime = "33"\n',
        "runtime/src/lib.rs": "pub use wasmtime;\npub mod linking;\n",
        "runtime/src/linking.rs": LINK.replace("RET", ret),
        "host/Cargo.toml": '[package]\nname = "host"\nversion = "0.1.0"\n\n[dependencies]\n'
                           'runtime-core.workspace = true\n\n[dev-dependencies]\nother = { path = "../other" }\n',
        "host/src/lib.rs": "use runtime_core::linking::Registry;\n\npub fn setup<T>(reg: &mut Registry<T>) {\n"
                           "    reg.link(runtime_core::bindings::logging::add_to_linker).unwrap();\n}\n",
        "other/Cargo.toml": '[package]\nname = "other"\nversion = "0.1.0"\n',
        "other/src/lib.rs": "",
    })


def test_dependency_crates_are_the_runs_path_dependencies(tmp_path: Path) -> None:
    repo = _workspace(tmp_path)
    disc = discover([repo])
    by_dir = {c.dir.resolve(): c for c in disc.crates}
    inputs = RunInputs(by_dir, lambda p: display_path(p, repo.resolve()))
    host = next(c for c in disc.crates if c.name == "host")
    deps = inputs.for_crate(host).dependencies()
    # `[dependencies]` only (not the dev-dependency `other`), named as Rust code writes it
    assert [d.name for d in deps] == ["runtime_core"]
    assert [u.path for u in deps[0].units] == ["runtime/src/lib.rs", "runtime/src/linking.rs"]
    lib = deps[0].file("src/lib.rs")
    assert lib is not None and lib.src.data == b"pub use wasmtime;\npub mod linking;\n"
    assert deps[0].file("src/main.rs") is None
    # read once per run: every crate asking gets the same units
    assert inputs.for_crate(host).dependencies()[0].units[0] is deps[0].units[0]


def test_wit_files(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "g", {"Cargo.toml": '[package]\nname = "g"\nversion = "0.1.0"\n',
                                      "wit/world.wit": "package a:b;\n",
                                      "wit/deps/io/streams.wit": "package wasi:io;\n"})
    disc = discover([repo])
    inputs = RunInputs({c.dir: c for c in disc.crates}, lambda p: display_path(p, repo.resolve()))
    root = repo.resolve()
    files = inputs.wit_files(root / "wit")
    assert files is not None and [(f.inner, f.data) for f in files] == [
        ("deps/io/streams.wit", b"package wasi:io;\n"), ("world.wit", b"package a:b;\n")]
    assert inputs.wit_files(root / "wit") is files  # read once
    one = inputs.wit_files(root / "wit" / "world.wit")
    assert one is not None and [(f.path, f.inner) for f in one] == [(root / "wit" / "world.wit", "world.wit")]
    assert inputs.wit_files(root / "nope") is None
    assert inputs.display(root / "wit" / ".." / "wit") == "wit"
    assert inputs.display(root.parent) is None


def test_34_reads_the_link_helper_of_a_path_dependency_through_the_engine(tmp_path: Path) -> None:
    repo = _workspace(tmp_path)
    layering_audit.watch(tmp_path)
    try:
        result = plan_run([repo], RunOptions(targets={"wasmtime": "34"}), base=repo)
        found = layering_audit.violations(include_pending=True)
    finally:
        layering_audit.watch(None)
    assert found == []
    host = next(c for c in result.changes if c.path.name == "lib.rs" and c.path.parent.parent.name == "host")
    new = host.new.decode()
    # R = `&mut T` from the dependency's `link`: HasSelf, named through the dependency's `pub use wasmtime;`
    assert "use runtime_core::wasmtime::component::HasSelf;" in new
    assert "add_to_linker::<_, HasSelf<_>>" in new


def test_34_getter_type_written_in_a_dependency_is_reported_with_its_data_type(tmp_path: Path) -> None:
    repo = _workspace(tmp_path, ret="Ctx<'_>")
    result = plan_run([repo], RunOptions(targets={"wasmtime": "34"}), base=repo)
    msgs = [f.message for f in result.follow_ups if f.file == "host/src/lib.rs" and f.step == "wasmtime-34-has-data"]
    assert any("type Data<'a> = Ctx<'_>;" in m for m in msgs), msgs


def test_display_path_is_relative_to_as_posix_or_relpath():
    import os

    cases = [("/a/b/c", "/a"), ("/a", "/a"), ("/ab/c", "/a"), ("/a/b", "/"), ("/x/y", "/a"), ("/a/b/../c", "/a"),
             ("/a/.hidden/x.rs", "/a"), ("/a/b", "/a/b/c")]
    for p, b in cases:
        try:
            want = Path(p).relative_to(Path(b)).as_posix()
        except ValueError:
            want = os.path.relpath(p, b)
        assert display_path(Path(p), Path(b)) == want, (p, b)
