"""Python projects (wasmtime-py hosts, componentize-py guests): detection, declaration bumps in every
format, the CLI on examples/py-host, byte-exact CRLF/BOM, JSON report."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, cli, make_repo, tree

from wasm_codemod.python.requirements import admits, bump_spec, parse_requirement, spec_line
from wasm_codemod.runner import RunOptions, plan_run

PY_HOST = ROOT / "examples" / "py-host"
HOST_PY = "import wasmtime\n\nwasmtime.WasiConfig().preopen_dir('.', '/', wasmtime.DirPerms.READ_ONLY, " \
          "wasmtime.FilePerms.READ_ONLY)\n"
FIXED_PY = "import wasmtime\n\nwasmtime.WasiConfig().preopen_dir('.', '/', fs_mutable=False)\n"


@pytest.mark.parametrize(("spec", "target", "patch", "want"), [
    (">=29,<30", "48", "48.0.0", ">=48,<49"),
    ("==29.0.0", "46", "46.0.1", "==46.0.1"),  # exact pins go to the newest verified patch
    ("~=29.0", "48", "48.0.0", "~=48.0"),
    (">=29.0.0", "48", "48.0.0", ">=48.0.0"),
    ("==29.*", "48", "48.0.0", "==48.*"),
    (" >= 29 , < 30", "50", "50.0.1", " >= 50 , < 51"),
    (">=28.0.0, <60", "48", "48.0.0", ">=48.0.0, <60"),  # an upper bound that admits the target stays
    ("!=29.0.1,>=29", "48", "48.0.0", "!=29.0.1,>=48"),
    ("==0.16.0", "0.25", "0.25.1", "==0.25.1"),
    (">=0.16,<0.17", "0.17", "0.17.2", ">=0.17,<0.18"),
])
def test_bump_spec_keeps_style(spec: str, target: str, patch: str, want: str):
    assert bump_spec(spec, target, patch) == want


@pytest.mark.parametrize(("spec", "want"), [("^29.0.0", "^48.0.0"), ("~29", "~48"), ("29.0.0", "48.0.0"),
                                            ("29.*", "48.*"), (">=29,<30", ">=48,<49")])
def test_bump_poetry_specs(spec: str, want: str):
    assert bump_spec(spec, "48", "48.0.0", poetry=True) == want


def test_spec_line_and_admits():
    assert spec_line(">=29,<30") == "29" and spec_line("<30") is None and spec_line("==0.16.0") == "0.16"
    assert spec_line("^29.0", poetry=True) == "29"
    assert admits(">=29,<30", "29.0.0") and not admits(">=29,<30", "30.0.0")
    assert admits("^29.0.0", "29.1.0", poetry=True) and not admits("^29.0.0", "30.0.0", poetry=True)
    assert admits("~=29.0", "29.5") and not admits("~=29.0", "30.0")


def test_parse_requirement_keeps_markers_and_extras():
    r = parse_requirement('wasmtime[x] >= 28.0.0; sys_platform != "emscripten"')
    assert r is not None and r.spec == ">= 28.0.0"
    assert r.with_spec(">= 48.0.0") == 'wasmtime[x] >= 48.0.0; sys_platform != "emscripten"'
    assert parse_requirement("wasmtime @ git+https://example.invalid/w.git").url  # type: ignore[union-attr]
    assert parse_requirement("-r base.txt") is None


def _run(root: Path, to: str = "48", **targets: str):
    opts = RunOptions(targets={"wasmtime-py": to, **targets})
    return plan_run([root], opts, base=root)


def _project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "p"
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode() if isinstance(text, str) else text)
    return root


def _new(result, name: str) -> str:
    return next(c.new.decode() for c in result.changes if c.path.name == name)


def test_pyproject_every_table(tmp_path: Path):
    root = _project(tmp_path, {"app.py": HOST_PY, "pyproject.toml": """\
[project]
name = "h"
dependencies = [
    'wasmtime>=29,<30; python_version >= "3.9"',  # host
]

[project.optional-dependencies]
pinned = ["wasmtime==29.0.0"]

[dependency-groups]
dev = ["wasmtime~=29.0", {include-group = "other"}]
other = []

[tool.pdm.dev-dependencies]
test = ["wasmtime>=29"]

[tool.poetry.dependencies]
python = "^3.10"
wasmtime = "^29.0.0"

[tool.poetry.group.dev.dependencies]
wasmtime = { version = "~29", optional = true }
"""})
    res = _run(root)
    assert not res.errors
    new = _new(res, "pyproject.toml")
    for want in ["'wasmtime>=48,<49; python_version >= \"3.9\"',  # host", '"wasmtime==48.0.0"', '"wasmtime~=48.0"',
                 '{include-group = "other"}', '"wasmtime>=48"', 'wasmtime = "^48.0.0"',
                 'wasmtime = { version = "~48", optional = true }', 'python = "^3.10"']:
        assert want in new, want
    assert _new(res, "app.py") == FIXED_PY
    proj = res.projects[0]
    assert proj.name == "h" and proj.detected["wasmtime-py"].line == "29"


def test_requirements_setup_cfg_and_setup_py(tmp_path: Path):
    root = _project(tmp_path, {
        "app.py": HOST_PY,
        "requirements.txt": "-r base.txt\nwasmtime==29.0.0  # pinned\nnumpy>=1\n",
        "requirements/dev.txt": "wasmtime>=29,<30\n",
        "setup.cfg": "[metadata]\nname = h\n\n[options]\ninstall_requires =\n    wasmtime>=29,<30\n    click\n\n"
                     "[options.extras_require]\nfast = wasmtime==29.0.0\n",
        "setup.py": "from setuptools import setup\nsetup(install_requires=['wasmtime>=29,<30'])\n",
    })
    res = _run(root, "46")
    assert not res.errors
    assert _new(res, "requirements.txt") == "-r base.txt\nwasmtime==46.0.1  # pinned\nnumpy>=1\n"
    assert _new(res, "dev.txt") == "wasmtime>=46,<47\n"
    assert "    wasmtime>=46,<47\n    click\n" in _new(res, "setup.cfg")
    assert "fast = wasmtime==46.0.1\n" in _new(res, "setup.cfg")
    assert "['wasmtime>=46,<47']" in _new(res, "setup.py")


def test_hashed_requirements_are_reported_not_edited(tmp_path: Path):
    root = _project(tmp_path, {"app.py": "import wasmtime\n",
                               "requirements.txt": "wasmtime==29.0.0 \\\n    --hash=sha256:abc\n"})
    res = _run(root, "30")
    assert [c.path.name for c in res.changes] == []
    assert any("--hash" in f.message and "pip-compile" in f.message for f in res.follow_ups)


def test_lock_file_decides_the_line_and_is_reported(tmp_path: Path):
    root = _project(tmp_path, {"app.py": HOST_PY, "pyproject.toml": '[project]\nname = "h"\ndependencies = '
                               '["wasmtime>=28"]\n',
                               "uv.lock": 'version = 1\n\n[[package]]\nname = "wasmtime"\nversion = "47.0.1"\n'})
    res = _run(root)
    det = res.projects[0].detected["wasmtime-py"]
    assert (det.line, det.source, det.exact) == ("47", "uv.lock", "47.0.1")
    assert '"wasmtime>=48"' in _new(res, "pyproject.toml")
    assert any(f.file == "uv.lock" and "uv lock --upgrade-package wasmtime" in f.message for f in res.follow_ups)
    assert "uv.lock" not in [c.path.name for c in res.changes]


def test_stale_lock_is_ignored(tmp_path: Path):
    root = _project(tmp_path, {"pyproject.toml": '[project]\nname = "h"\ndependencies = ["wasmtime>=48,<49"]\n',
                               "poetry.lock": '[[package]]\nname = "wasmtime"\nversion = "29.0.0"\n'})
    det = _run(root).projects[0].detected["wasmtime-py"]
    assert (det.line, det.source) == ("48", "pyproject.toml")


def test_projects_without_wasmtime_and_broken_files(tmp_path: Path):
    root = _project(tmp_path, {
        "other/pyproject.toml": '[project]\nname = "x"\ndependencies = ["numpy"]\n',
        "other/a.py": "import wasmtime\n",
        "h/requirements.txt": "wasmtime==29.0.0\n",
        "h/bad.py": "import wasmtime\ndef (:\n",
        "h/good.py": HOST_PY,
        "h/.venv/lib/x.py": HOST_PY,
    })
    res = _run(root)
    assert [p.name for p in res.projects] == ["h"]
    assert sorted(c.path.name for c in res.changes) == ["good.py", "requirements.txt"]
    assert any(f.file == "h/bad.py" and "libcst cannot parse it" in f.message for f in res.follow_ups)
    assert not res.errors


def test_rust_crates_are_not_python_projects(tmp_path: Path):
    root = _project(tmp_path, {"Cargo.toml": '[package]\nname = "r"\nversion = "0.1.0"\nedition = "2021"\n\n'
                               '[dependencies]\nwasmtime = "29"\n', "src/lib.rs": ""})
    res = plan_run([root], RunOptions(targets={"wasmtime": "30", "wasmtime-py": "30"}), base=root)
    assert res.projects == [] and [c.detected.get("wasmtime") is not None for c in res.crates] == [True]


def test_crlf_and_bom_are_kept_in_manifests_and_sources(tmp_path: Path):
    bom = b"\xef\xbb\xbf"
    root = _project(tmp_path, {
        "app.py": bom + HOST_PY.replace("\n", "\r\n").encode(),
        "pyproject.toml": bom + b'[project]\r\nname = "h"\r\ndependencies = [\r\n  "wasmtime>=29,<30",\r\n]\r\n',
        "requirements.txt": b"wasmtime==29.0.0\r\n",
    })
    res = _run(root)
    by = {c.path.name: c.new for c in res.changes}
    assert by["app.py"] == bom + FIXED_PY.replace("\n", "\r\n").encode()
    assert by["pyproject.toml"] == \
        bom + b'[project]\r\nname = "h"\r\ndependencies = [\r\n  "wasmtime>=48,<49",\r\n]\r\n'
    assert by["requirements.txt"] == b"wasmtime==48.0.0\r\n"


def test_importlib_resources_added_to_requirements_keeping_crlf(tmp_path: Path):
    root = _project(tmp_path, {"gen.py": "import importlib_resources\nimport wasmtime\n",
                               "requirements.txt": b"wasmtime==39.0.0\r\nclick\r\n"})
    res = _run(root, "40")
    assert {c.path.name: c.new for c in res.changes}["requirements.txt"] == \
        b"wasmtime==40.0.0\r\nimportlib_resources>=5.10\r\nclick\r\n"


def test_cli_dry_run_on_py_host_applies_and_second_run_is_a_noop(tmp_path: Path):
    repo = make_repo(tmp_path / "py-host", source=PY_HOST)
    dry = cli("upgrade", ".", "--to", "48", "--dry-run", cwd=repo)
    assert dry.returncode == 0, dry.stderr
    diff = dry.stdout.decode()
    assert "-    wasi.preopen_dir(str(data_dir), \"/data\", DirPerms.READ_ONLY, FilePerms.READ_ONLY)" in diff
    assert "+    wasi.preopen_dir(str(data_dir), \"/data\", fs_mutable=False)" in diff
    assert "+    config.shared_memory = True" in diff and "-    DirPerms,\n" in diff
    assert b"py-host: wasmtime-py 29 -> 48" in dry.stderr
    (tmp_path / "p.diff").write_bytes(dry.stdout)
    assert subprocess.run(["git", "apply", "--check", str(tmp_path / "p.diff")], cwd=repo).returncode == 0
    assert cli("upgrade", ".", "--to", "48", cwd=repo).returncode == 0
    written = tree(repo)
    applied = make_repo(tmp_path / "applied", source=PY_HOST)
    subprocess.run(["git", "apply", str(tmp_path / "p.diff")], cwd=applied, check=True)
    assert {k: v for k, v in tree(applied).items()} == written
    again = cli("upgrade", ".", "--to", "48", "--check", cwd=repo)
    assert again.returncode == 0 and b"no changes" in again.stdout
    assert tree(repo) == written


def test_cli_json_report_for_python_validates(tmp_path: Path):
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "docs" / "schema" / "report-v2.schema.json").read_text())
    repo = make_repo(tmp_path / "py-host", source=PY_HOST)
    out = cli("upgrade", ".", "--to", "48", "--dry-run", "--format", "json", "--diff-file",
              str(tmp_path / "d.diff"), cwd=repo)
    doc = json.loads(out.stdout)
    Draft202012Validator(schema).validate(doc)
    assert doc["crates"][0]["ecosystem"] == "python"
    assert {c["kind"] for c in doc["changes"]} == {"python", "manifest"}


def test_list_and_explain_show_python_steps():
    out = cli("list", "--format", "json", cwd=ROOT)
    fams = {s["family"] for s in json.loads(out.stdout)}
    assert {"wasmtime-py", "componentize-py"} <= fams
    ex = cli("explain", "wasmtime-py-48-preopen-perms", cwd=ROOT)
    assert ex.returncode == 0 and b"fs_mutable=False" in ex.stdout


def _raising(ctx) -> None:  # a Python step with a bug that shows on one file only
    for u in ctx.units:
        if "BOOM" in u.code:
            raise RuntimeError("injected failure")


def test_a_raising_python_step_leaves_its_file_as_it_was(tmp_path: Path):
    from wasm_codemod.plan import Registry, load_registry
    from wasm_codemod.transform import Safety, Step

    boom = Step(id="wasmtime-py-31-test-boom", family="wasmtime-py", from_version="30", to_version="31",
                safety=Safety.SAFE, title="Boom", summary="Raises on files saying BOOM.", upstream="",
                prefilter=(b"BOOM",), python=_raising)
    base = load_registry()
    reg = Registry(base.families, tuple(sorted((*base.steps, boom), key=lambda s: (s.family, s.to_version, s.id))))
    root = _project(tmp_path, {"good.py": HOST_PY, "bad.py": "# BOOM\n" + HOST_PY,
                               "requirements.txt": "wasmtime==29.0.0\n"})
    res = plan_run([root], RunOptions(targets={"wasmtime-py": "48"}), base=root, registry=reg)
    by = {c.path.name: c for c in res.changes}
    assert "bad.py" not in by and by["good.py"].new.decode() == FIXED_PY and "requirements.txt" in by
    errs = res.internal_errors
    assert len(errs) == 1 and errs[0].file == "bad.py" and "wasmtime-py-31-test-boom" in errs[0].message
    assert "RuntimeError: injected failure" in errs[0].message


def test_family_scoping_for_python(tmp_path: Path):
    host = make_repo(tmp_path / "tree", source=PY_HOST)
    guest = host / "guest"
    import shutil

    shutil.copytree(ROOT / "examples" / "py-guest", guest)
    subprocess.run(["git", "add", "."], cwd=host, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "g"], cwd=host, check=True)
    out = cli("upgrade", ".", "--to", "48", "--dry-run", cwd=host).stdout.decode()
    assert "host.py" in out and "guest/" not in out  # --to alone: hosts only
    out = cli("upgrade", ".", "--py-guest-to", "0.19", "--dry-run", cwd=host).stdout.decode()
    assert "guest/app.py" in out and "componentize-py==0.19.3" in out and "host.py" not in out
    out = cli("upgrade", ".", "--guest-to", "0.45", "--dry-run", cwd=host)
    assert out.returncode == 0 and out.stdout == b""  # wit-bindgen only: nothing Python is touched
    both = cli("upgrade", ".", "--dry-run", cwd=host).stdout.decode()
    assert "host.py" in both and "guest/app.py" in both and "componentize-py==0.25.1" in both


def test_too_old_python_project_is_skipped_not_refused(tmp_path: Path):
    root = _project(tmp_path, {"old/requirements.txt": "wasmtime==27.0.2\n", "old/a.py": HOST_PY,
                               "new/requirements.txt": "wasmtime==29.0.0\n", "new/a.py": HOST_PY})
    res = _run(root)
    assert not res.errors
    assert [(k.manifest, k.family) for k in res.skipped] == [("old/requirements.txt", "wasmtime-py")]
    assert "older than the oldest line" in res.skipped[0].reason
    assert sorted(c.path.parent.name + "/" + c.path.name for c in res.changes) == ["new/a.py", "new/requirements.txt"]


def test_undeclared_guest_with_py_guest_from(tmp_path: Path):
    """app.py beside wit/ and no manifest (componentize-py run from pipx/uvx): upgraded when
    --py-guest-from names its line; without it nothing is guessed."""
    src = ROOT / "examples" / "py-guest"
    root = _project(tmp_path, {"app.py": (src / "app.py").read_text(),
                               "wit/sandbox.wit": (src / "wit" / "sandbox.wit").read_text()})
    none = plan_run([root], RunOptions(targets={"componentize-py": "0.19"}), base=root)
    assert none.changes == [] and none.projects == []
    res = plan_run([root], RunOptions(targets={"componentize-py": "0.19"}, from_override={"componentize-py": "0.16"}),
                   base=root)
    new = _new(res, "app.py")
    assert "import wit_world\nfrom componentize_py_types import Err\n" in new and "class WitWorld(" in new


def test_floor_only_below_29_is_planned_from_29(tmp_path: Path):
    """ITK-Wasm's shape: `wasmtime >= 28.0.0` with a marker claims every newer release."""
    root = _project(tmp_path, {"app.py": HOST_PY, "pyproject.toml": '[project]\nname = "h"\ndependencies = '
                               '["wasmtime >= 28.0.0; sys_platform != \\"emscripten\\""]\n'})
    res = _run(root)
    assert not res.skipped and res.projects[0].detected["wasmtime-py"].line == "29"
    assert _new(res, "app.py") == FIXED_PY
    assert '"wasmtime >= 48.0.0; sys_platform != \\"emscripten\\""' in _new(res, "pyproject.toml")
    assert any("only sets a floor" in f.message for f in res.follow_ups)
    capped = _project(tmp_path / "c", {"requirements.txt": "wasmtime>=28,<29\n", "a.py": HOST_PY})
    assert [k.family for k in _run(capped).skipped] == ["wasmtime-py"]  # a real 28 pin is still skipped


# -- discovery: a Rust-only tree is settled from the listings the Rust walk already read ----------

def _py_projects(roots, listings=None):
    from wasm_codemod.python.discover import discover_python

    return [(p.dir, p.manifests, p.py_files, p.wit_files, p.locks, p.build_files)
            for p in discover_python(roots, listings)]


def test_python_discovery_from_the_rust_listings_finds_what_a_fresh_walk_finds(tmp_path):
    from wasm_codemod.discover import discover

    top = Path(__file__).resolve().parent.parent
    trees = [top / "examples", top / "golden", top / "tests" / "fixtures"]
    (tmp_path / "rust" / "src").mkdir(parents=True)
    (tmp_path / "rust" / "Cargo.toml").write_text('[package]\nname = "r"\nversion = "0.1.0"\n')
    (tmp_path / "rust" / "src" / "main.rs").write_text("fn main() {}\n")
    (tmp_path / "guest" / "wit").mkdir(parents=True)  # no manifest: app.py beside wit/
    (tmp_path / "guest" / "app.py").write_text("import wit_world\n")
    (tmp_path / "deep" / "a").mkdir(parents=True)
    (tmp_path / "deep" / "a" / "requirements-dev.txt").write_text("wasmtime==29\n")
    (tmp_path / "deep" / "a" / "x.py").write_text("import wasmtime\n")
    cases = [[t] for t in trees] + [[tmp_path / "rust"], [tmp_path / "guest"], [tmp_path / "deep"], [tmp_path]]
    found = 0
    for roots in cases:
        listings: dict = {}
        discover(roots, listings)
        fresh = _py_projects(roots)
        assert _py_projects(roots, listings) == fresh, roots
        found += len(fresh)
    assert _py_projects([tmp_path / "rust"]) == []
    assert len(_py_projects([tmp_path / "guest"])) == 1 and len(_py_projects([tmp_path / "deep"])) == 1
    assert found > 5
