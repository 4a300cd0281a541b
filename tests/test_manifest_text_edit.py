"""Requirement bumps as checked text edits of a string's span (cargo.edit_string), and manifests
that are planned without ever building a tomlkit document (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli
import tomlkit

from wasm_codemod import cargo
from wasm_codemod.discover import Manifest
from wasm_codemod.runner import RunOptions, plan_run

PKG = '[package]\nname = "h"\nversion = "0.1.0"\nedition = "2021"\n\n'

# (manifest, path of the version string, what the text must contain afterwards)
FORMS = [
    ('[dependencies]\nwasmtime = "29"\n', ("dependencies", "wasmtime"), 'wasmtime = "50"\n'),
    ("[dependencies]\nwasmtime   =   '29.0.1'   # pinned for now\n", ("dependencies", "wasmtime"),
     "wasmtime   =   '50.0.1'   # pinned for now\n"),
    ('[dependencies]\nwasmtime = { version = "29.0.1", features = ["async"] } # host\n',
     ("dependencies", "wasmtime", "version"), 'wasmtime = { version = "50.0.1", features = ["async"] } # host\n'),
    ('[dependencies]\nwasmtime = {features=["async"],version="=29.0.1"}\n',
     ("dependencies", "wasmtime", "version"), 'wasmtime = {features=["async"],version="=50.0.1"}\n'),
    ('[dependencies.wasmtime]\n# the engine\nversion = "29"  # keep\nfeatures = ["async"]\n',
     ("dependencies", "wasmtime", "version"), '# the engine\nversion = "50"  # keep\n'),
    ('[workspace]\nmembers = ["a"]\n\n[workspace.dependencies]\nwasmtime = "29"\nwasmtime-wasi = "29"\n',
     ("workspace", "dependencies", "wasmtime-wasi"), 'wasmtime = "29"\nwasmtime-wasi = "50"\n'),
    ("[target.'cfg(unix)'.dependencies]\nwasmtime = { version = \"29\", default-features = false }\n",
     ("target", "cfg(unix)", "dependencies", "wasmtime", "version"),
     'wasmtime = { version = "50", default-features = false }\n'),
    ('[target."cfg(windows)".dev-dependencies]\n  wasmtime = "29"\n',
     ("target", "cfg(windows)", "dev-dependencies", "wasmtime"), '  wasmtime = "50"\n'),
    ('[dependencies]\nwasmtime.version = "29"\nwasmtime.features = ["async"]\n',
     ("dependencies", "wasmtime", "version"), 'wasmtime.version = "50"\n'),
    ('[dependencies]\r\nwasmtime = "29"\r\n', ("dependencies", "wasmtime"), 'wasmtime = "50"\r\n'),
]


def _with_tomlkit(text: str, path: tuple[str, ...], value: str) -> str:
    """What the tomlkit path (DepRef.set_requirement) writes for the same edit."""
    doc = tomlkit.parse(text)
    dep = next(d for d in cargo.iter_deps(doc) if d.requirement_path == path)
    dep.set_requirement(value)
    return tomlkit.dumps(doc)


@pytest.mark.parametrize("body,path,expect", FORMS)
def test_text_edit_of_each_requirement_form_keeps_the_rest_and_matches_tomlkit(body: str, path: tuple[str, ...],
                                                                              expect: str):
    text = PKG + body
    data = tomli.loads(text)
    old = data
    for k in path:
        old = old[k]
    new_value = str(old).replace("29", "50")
    done = cargo.edit_string(text, data, path, new_value)
    assert done is not None
    new_text, new_data = done
    assert expect in new_text
    # only the string's contents changed: same text on either side of it
    assert len(new_text) == len(text) and sum(a != b for a, b in zip(text, new_text, strict=True)) == 2
    assert new_data == tomli.loads(new_text)
    assert new_text == _with_tomlkit(text, path, new_value)


def test_a_lookalike_inside_a_multiline_string_is_rejected_by_the_check():
    # the first candidate sits inside a multi-line string: editing it changes `description`
    text = (PKG.replace('edition = "2021"\n', 'description = """\n[dependencies]\nwasmtime = "29"\n"""\n')
            + '[dependencies]\nwasmtime = "29"\n')
    done = cargo.edit_string(text, tomli.loads(text), ("dependencies", "wasmtime"), "50")
    assert done is not None
    assert done[1]["package"]["description"] == '[dependencies]\nwasmtime = "29"\n'
    assert done[1]["dependencies"]["wasmtime"] == "50"


@pytest.mark.parametrize("body,path", [
    ('[dependencies]\nwasmtime = {\n    version = "29",\n}\n', ("dependencies", "wasmtime", "version")),
    ('[dependencies]\n"wasm\\u0074ime" = "29"\n', ("dependencies", "wasmtime")),
    ('[dependencies]\nwasmtime = """29"""\n', ("dependencies", "wasmtime")),
    ('[package.metadata]\nx = """\n[dependencies]\nwasmtime = "29"\n"""\n', ("dependencies", "wasmtime")),
])
def test_text_edit_refused_where_it_cannot_be_checked(body: str, path: tuple[str, ...]):
    text = PKG + body
    assert cargo.edit_string(text, tomli.loads(text), path, "50") is None


def test_manifest_falls_back_to_the_document_when_the_text_edit_is_refused():
    text = PKG + '[dependencies]\n"wasm\\u0074ime" = "29" # escaped key\n'
    m = Manifest(Path("Cargo.toml"), text, tomli.loads(text))
    assert not m.set_string(("dependencies", "wasmtime"), "50")
    assert not m.has_doc  # a refused edit changes nothing
    from wasm_codemod.engine import _set_requirement

    dep = next(cargo.iter_deps(m.view))
    _set_requirement(m, dep, "50")
    assert m.has_doc
    assert m.dumps() == text.replace('= "29"', '= "50"')


def test_value_needing_an_escape_is_not_text_edited():
    text = PKG + '[dependencies]\nwasmtime = "29"\n'
    assert cargo.edit_string(text, tomli.loads(text), ("dependencies", "wasmtime"), 'a"b') is None


class _Count:
    def __init__(self, real):
        self.real, self.calls = real, 0

    def __call__(self, *a, **k):
        self.calls += 1
        return self.real(*a, **k)


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> _Count:
    counter = _Count(tomlkit.parse)
    monkeypatch.setattr(tomlkit, "parse", counter)
    monkeypatch.setattr(tomlkit, "loads", counter)
    return counter


def _repo(tmp_path: Path, manifest: str) -> Path:
    (tmp_path / "src").mkdir(parents=True)
    (tmp_path / "Cargo.toml").write_text(manifest)
    (tmp_path / "src" / "main.rs").write_text("fn main() { let _e = wasmtime::Engine::default(); }\n")
    return tmp_path


def test_bump_only_manifest_is_planned_without_a_tomlkit_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    manifest = (PKG + "[dependencies]\n# engine\nwasmtime = { version = \"29.0.1\", features = [\"async\"] }  # x\n"
                "wasmtime-wasi = '29'\nanyhow = \"1\"\n")
    repo = _repo(tmp_path, manifest)
    counter = _count_parses(monkeypatch)
    res = plan_run([repo], RunOptions(targets={"wasmtime": "50"}), base=repo)
    assert counter.calls == 0  # every manifest hook of 29 -> 50 ran, none built a document
    [change] = [c for c in res.changes if c.path.name == "Cargo.toml"]
    new = change.new.decode()
    patch = tomli.loads(new)["dependencies"]["wasmtime"]["version"]
    assert patch.startswith("50.0.")
    assert new == manifest.replace('"29.0.1"', f'"{patch}"').replace("'29'", "'50'")


def test_hook_that_edits_still_builds_the_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # wasmtime-42-error-type adds the `anyhow` feature where default features are off: a tomlkit edit
    manifest = (PKG + "[dependencies]\nwasmtime = { version = \"41\", default-features = false, "
                "features = [\"runtime\"] }\nanyhow = \"1\"\n")
    repo = _repo(tmp_path, manifest)
    counter = _count_parses(monkeypatch)
    res = plan_run([repo], RunOptions(targets={"wasmtime": "42"}), base=repo)
    assert counter.calls == 1
    [change] = [c for c in res.changes if c.path.name == "Cargo.toml"]
    assert tomli.loads(change.new.decode())["dependencies"]["wasmtime"]["features"] == ["runtime", "anyhow"]


# -- adding a key to a one-line inline table (cargo.edit_add_key) ------------------------------

ADD_FORMS = [
    ('w = { version = "29" }', 'w = { version = "29", package = "p" }'),
    ('w = {version="29"}', 'w = {version="29", package = "p"}'),
    ('w = { version = "29", features = ["a"] }  # c', 'w = { version = "29", features = ["a"], package = "p" }  # c'),
    ('w = { version = "29", x = { y = "}" } }', 'w = { version = "29", x = { y = "}" }, package = "p" }'),
    ('w = { version = "29" }\r', 'w = { version = "29", package = "p" }\r'),
]


@pytest.mark.parametrize("body,expect", ADD_FORMS)
def test_added_key_goes_after_the_last_entry_and_nothing_else_moves(body: str, expect: str):
    text = PKG + "[dependencies]\n" + body + "\nother = 1\n"
    done = cargo.edit_add_key(text, tomli.loads(text), ("dependencies", "w"), "package", "p")
    assert done is not None
    new_text, new_data = done
    assert new_text == text.replace(body, expect)
    assert new_data == tomli.loads(new_text)
    assert new_data["dependencies"]["w"]["package"] == "p" and new_data["dependencies"]["other"] == 1


@pytest.mark.parametrize("body,key,value", [
    ('w = {\n  version = "29",\n}', "package", "p"),  # multi-line: not one-line inline
    ('w = { version = "29", package = "q" }', "package", "p"),  # key exists
    ('w = "29"', "package", "p"),  # a string, not a table
    ('w = { version = "29" }', "package", 'a"b'),  # needs an escape
    ('w = { version = "29" }', "weird key", "p"),
    ('w = {}', "package", "p"),  # no entry to follow
])
def test_added_key_refused_where_the_text_edit_cannot_be_checked(body: str, key: str, value: str):
    text = PKG + "[dependencies]\n" + body + "\n"
    assert cargo.edit_add_key(text, tomli.loads(text), ("dependencies", "w"), key, value) is None


def test_added_key_in_a_table_section_is_refused():
    text = PKG + '[dependencies.w]\nversion = "29"\n'
    assert cargo.edit_add_key(text, tomli.loads(text), ("dependencies", "w"), "package", "p") is None


def test_renamed_crate_and_anyhow_feature_are_planned_without_a_tomlkit_document(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch):
    # the two inline-table additions of a workspace like wasmCloud's: `package =` for a crate published
    # under a new name, `features = ["anyhow"]` where default features are off (wasmtime-42-error-type)
    manifest = (PKG + "[dependencies]\nwasmtime = { version = \"41\", default-features = false }\n"
                "wasmtime-wit-bindgen = { version = \"41\", default-features = false }\nanyhow = \"1\"\n")
    repo = _repo(tmp_path, manifest)
    counter = _count_parses(monkeypatch)
    res = plan_run([repo], RunOptions(targets={"wasmtime": "50"}), base=repo)
    assert counter.calls == 0
    [change] = [c for c in res.changes if c.path.name == "Cargo.toml"]
    deps = tomli.loads(change.new.decode())["dependencies"]
    assert deps["wasmtime"]["features"] == ["anyhow"]
    assert deps["wasmtime-wit-bindgen"]["package"] == "wasmtime-internal-wit-bindgen"
    assert 'default-features = false, features = ["anyhow"] }' in change.new.decode()


# -- steps get what they need from their contexts, never from the disk ----------------------------

def _ctx(step_id: str, text: str, mentions=lambda _t: False):
    from wasm_codemod.plan import load_registry
    from wasm_codemod.transform import ManifestContext

    step = next(s for s in load_registry().steps if s.id == step_id)
    m = Manifest(Path("/nonexistent/Cargo.toml"), text, tomli.loads(text))
    return ManifestContext(step, "Cargo.toml", m, text, "49", "50", file=m.path, mentions=mentions), m


@pytest.mark.parametrize("uses", [True, False])
def test_systemtimespec_hook_asks_the_context_whether_the_source_names_the_type(uses: bool,
                                                                               monkeypatch: pytest.MonkeyPatch):
    def no_disk(*_a, **_k):
        raise AssertionError("a step read the disk")

    for name in ("read_bytes", "read_text", "rglob", "is_dir", "is_file"):
        monkeypatch.setattr(Path, name, no_disk)
    asked: list[bytes] = []
    ctx, m = _ctx("wasmtime-50-systemtimespec", PKG + '[dependencies]\nwasmtime-wasi = "49"\n',
                  lambda t: asked.append(t) or uses)
    ctx.step.manifest(ctx)
    assert asked == [b"SystemTimeSpec"]
    assert ctx.changed is uses and m.has_doc is uses
    assert ('cap-primitives = "4"' in m.dumps()) is uses


def test_manifest_hooks_with_nothing_to_do_build_no_document():
    from wasm_codemod.plan import load_registry

    text = PKG + '[dependencies]\nwasmtime = "41"\nwit-bindgen = "0.44"\nanyhow = "1"\n'
    hooks = [s for s in load_registry().steps if s.manifest is not None]
    assert len(hooks) >= 10
    for s in hooks:
        ctx, m = _ctx(s.id, text)
        s.manifest(ctx)
        assert not ctx.changed and not m.has_doc, s.id


def _project_manifests() -> list[Path]:
    top = Path(__file__).resolve().parent.parent
    found = [*top.glob("golden/*/*/before.toml"), *top.glob("golden/*/*/after.toml")]
    for d in ("examples", "tests/fixtures", "tests/e2e_fixes"):
        found += [p for p in (top / d).rglob("Cargo.toml") if "target" not in p.parts]
    return sorted(found)


def test_text_edits_match_tomlkit_on_every_manifest_of_the_project():
    # every version string of every manifest we ship: the text edit (when made) writes what tomlkit writes
    made = 0
    for p in _project_manifests():
        text = p.read_text("utf-8")
        try:
            data = tomli.loads(text)
        except tomli.TOMLDecodeError:
            continue  # fixtures of broken manifests
        if "package" not in data and "workspace" not in data:
            continue  # a pyproject.toml golden side
        for dep in cargo.iter_deps(data):
            if not isinstance(dep.item, (str, dict)) or dep.requirement is None:
                continue
            done = cargo.edit_string(text, data, dep.requirement_path, "77.1")
            if done is None:
                continue
            made += 1
            doc = tomlkit.parse(text)
            cargo.live_dep(doc, dep).set_requirement("77.1")
            assert done[0] == tomlkit.dumps(doc), (p, dep.requirement_path)
    assert made > 200


def test_rollback_snapshot_undoes_text_edits_and_document_edits():
    text = PKG + '[dependencies]\nwasmtime = "29" # engine\n'
    m = Manifest(Path("Cargo.toml"), text, tomli.loads(text))
    snap = m.dumps()
    assert m.set_string(("dependencies", "wasmtime"), "50")
    assert m.view["dependencies"]["wasmtime"] == "50" and m.data["dependencies"]["wasmtime"] == "29"
    m.doc["dependencies"]["anyhow"] = "1"  # the document is built from the edited text
    assert m.dumps() == text.replace('"29"', '"50"') + 'anyhow = "1"\n'
    m.reset_doc(snap)
    assert not m.has_doc and m.dumps() == text and m.view == tomli.loads(text)
