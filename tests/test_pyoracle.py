"""Slow tier, the Python oracle (markers `pyoracle` and `matrix`): real wheels in real venvs.

Run with: python -m pytest -m pyoracle   (venvs cached in ~/.cache/wasm-codemod/py-oracle/)

- every Python golden case: its `after` side imports (and, when it is a program, runs) against
  the wheel of its target line (`wasmtime==<newest patch>`); guest cases import against the
  bindings `componentize-py bindings` generates at the target and define the world's class;
- the facts the steps rely on, re-checked on the wheels of every line they name;
- examples/py-host after `upgrade --to 48` runs on wasmtime 48 (and ran on 29 before); a second run
  changes nothing.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
import tomllib
from golden_harness import build_crate, cases, is_python
from helpers import ROOT, cli, make_repo, tree
from pyoracle import OracleUnavailable, run, venv_for

from wasm_codemod.plan import load_registry
from wasm_codemod.python.context import wit_worlds

pytestmark = [pytest.mark.pyoracle, pytest.mark.matrix]

CASES = [c for c in cases() if is_python(c)]
FAMILIES = load_registry().families


def _venv(package: str, version: str) -> Path:
    try:
        return venv_for(package, version)
    except OracleUnavailable as exc:
        pytest.skip(str(exc))


def _patch(family: str, line: str) -> str:
    patch = FAMILIES[family].newest_patch(line)
    assert patch, f"no verified release of {family} {line}"
    return patch


def _meta(case) -> dict:
    f = case.dir / "case.toml"
    return tomllib.loads(f.read_text()) if f.exists() else {}


GUEST_CHECK = textwrap.dedent("""
    import importlib, inspect, sys
    world = sys.argv[1]
    app = importlib.import_module("app")
    mod = importlib.import_module(world)
    for name, obj in vars(mod).items():
        if inspect.isclass(obj) and obj.__module__ == mod.__name__ and getattr(obj, "_is_protocol", False):
            abstract = [m for m, v in vars(obj).items() if getattr(v, "__isabstractmethod__", False)]
            impl = getattr(app, name, None)
            if abstract and not (inspect.isclass(impl) and obj in impl.__mro__):
                sys.exit(f"app must define class {name}({world}.{name}) for componentize-py")
    print("ok")
""")


def _check(case, side: str, tmp_path: Path) -> tuple[bool, str]:
    """Does the ``side`` of ``case`` import (and run, guest: build its world class) at the case's target?"""
    meta = _meta(case)
    proj = build_crate(case, side, tmp_path)
    if case.family == "wasmtime-py":
        venv = _venv("wasmtime", _patch(case.family, case.to))
        res = run(venv, ["python", "-c", "import app"], proj)
        if not res.ok:
            return False, f"{case.id}: import at wasmtime {case.to}:\n{res.output}"
        if "__main__" in (proj / "app.py").read_text() and meta.get("runs", True) is not False:
            res = run(venv, ["python", "app.py"], proj)
            return res.ok, f"{case.id}: run at wasmtime {case.to}:\n{res.output}"
        return True, ""
    venv = _venv("componentize-py", _patch(case.family, case.to))
    worlds = [w for f in sorted((proj / "wit").glob("*.wit")) for w in wit_worlds(f.name, f.read_text())]
    assert worlds, f"{case.id}: no WIT world"
    world = worlds[0]
    module_flag = meta.get("world-module")
    args = ["componentize-py", "-d", "wit", "-w", world.name]
    if module_flag:
        args += ["--world-module", module_flag]
    res = run(venv, [*args, "bindings", str(tmp_path / "bindings")], proj)
    assert res.ok, res.output
    from wasm_codemod.transform import line_key

    module = module_flag or ("wit_world" if line_key(case.to) >= (0, 17) else world.module)
    res = run(venv, ["python", "-c", GUEST_CHECK, module], proj, pythonpath=[proj, tmp_path / "bindings"])
    return res.ok, f"{case.id}: at componentize-py {case.to}:\n{res.output}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_after_side_against_wheel(case, tmp_path: Path):
    meta = _meta(case)
    if meta.get("imports", True) is False:
        pytest.skip(f"manual case: {meta.get('why', 'left for a person')}")
    ok, why = _check(case, "after", tmp_path)
    assert ok, why


CHANGED = [c for c in CASES if (c.dir / "before.py").read_bytes() != (c.dir / "after.py").read_bytes()
           and _meta(c).get("imports", True) is not False and not _meta(c).get("before-imports")]


@pytest.mark.parametrize("case", CHANGED, ids=[c.id for c in CHANGED])
def test_before_side_fails_at_target(case, tmp_path: Path):
    """The oracle has teeth: each rewritten case's `before` side breaks at the target line."""
    ok, _ = _check(case, "before", tmp_path)
    assert not ok, f"{case.id}: the before side already works at {case.to}; the case proves nothing"


# -- the facts, on the wheels --------------------------------------------------------------------

FACTS = textwrap.dedent("""
    import importlib, json, sys
    import importlib.metadata as md
    import wasmtime as w
    out = {}
    def probe(name, f):
        try:
            f(); out[name] = "ok"
        except BaseException as e:
            out[name] = type(e).__name__ + ": " + str(e).splitlines()[0]
    probe("DirPerms", lambda: w.DirPerms.READ_ONLY)
    probe("preopen_perms", lambda: w.WasiConfig().preopen_dir(".", "/", w.DirPerms.READ_ONLY, w.FilePerms.READ_ONLY))
    probe("preopen_fs_mutable", lambda: w.WasiConfig().preopen_dir(".", "/", fs_mutable=False))
    probe("preopen_plain", lambda: w.WasiConfig().preopen_dir(".", "/"))
    def shared(flag):
        c = w.Config()
        if flag:
            c.shared_memory = True
        w.SharedMemory(w.Engine(c), w.MemoryType(w.Limits(1, 1), shared=True))
    probe("shared_default", lambda: shared(False))
    probe("shared_flag", lambda: shared(True))
    def shared_module():
        s = w.Store()
        w.Instance(s, w.Module(s.engine, '(module (memory 1 1 shared))'), [])
    probe("shared_module_default", shared_module)
    probe("loader", lambda: importlib.import_module("wasmtime.loader"))
    probe("bindgen", lambda: importlib.import_module("wasmtime.bindgen"))
    probe("component", lambda: importlib.import_module("wasmtime.component"))
    s = w.Store()
    i = w.Instance(s, w.Module(s.engine, '(module (func (export "f") unreachable))'), [])
    try:
        i.exports(s)["f"](s)
    except w.Trap as t:
        out["trap_newline"] = t.message.endswith("\\n")
    out["requires"] = [r.split(";")[0].strip() for r in (md.requires("wasmtime") or []) if "extra ==" not in r]
    print(json.dumps(out))
""")

# line -> what must hold there (checked against the steps' claims)
EXPECT = {
    "29": {"DirPerms": "ok", "preopen_fs_mutable": "TypeError", "shared_default": "ok", "shared_module_default": "ok",
           "loader": None, "component": "ModuleNotFoundError", "trap_newline": False,
           "requires": ["importlib_resources>=5.10"]},
    "38": {"DirPerms": "ok", "bindgen": None, "component": "ModuleNotFoundError",
           "requires": ["importlib_resources>=5.10"]},
    "39": {"loader": "ModuleNotFoundError", "bindgen": "ModuleNotFoundError", "component": "ok",
           "shared_default": "ok", "requires": ["importlib_resources>=5.10"]},
    "40": {"shared_default": "WasmtimeError", "shared_flag": "ok", "shared_module_default": "WasmtimeError",
           "requires": []},
    "41": {"trap_newline": False},
    "42": {"trap_newline": True},
    "47": {"DirPerms": "ok", "preopen_perms": "ok", "preopen_fs_mutable": "TypeError"},
    "48": {"DirPerms": "AttributeError", "preopen_fs_mutable": "ok", "preopen_plain": "ok"},
    "50": {"DirPerms": "AttributeError", "preopen_fs_mutable": "ok", "shared_default": "WasmtimeError",
           "shared_flag": "ok", "trap_newline": True, "component": "ok", "requires": []},
}


@pytest.mark.parametrize("line", sorted(EXPECT, key=int))
def test_wheel_facts(line: str, tmp_path: Path):
    venv = _venv("wasmtime", _patch("wasmtime-py", line))
    res = run(venv, ["python", "-c", FACTS], tmp_path)
    assert res.ok, res.output
    got = json.loads(res.output.strip().splitlines()[-1])
    for key, want in EXPECT[line].items():
        if want is None:  # the module exists (it may need importlib_resources to import)
            assert got[key] == "ok" or "importlib_resources" in got[key], (line, key, got[key])
        elif isinstance(want, str):
            assert got[key].split(":")[0] == want, (line, key, got[key])
        else:
            assert got[key] == want, (line, key, got[key])


# -- the example ----------------------------------------------------------------------------------


def test_py_host_example_runs_on_48_after_upgrade(tmp_path: Path):
    src = ROOT / "examples" / "py-host"
    before = run(_venv("wasmtime", "29.0.0"), ["python", "host.py"], src)
    assert before.ok and "creating a file was refused" in before.output, before.output
    repo = make_repo(tmp_path / "py-host", source=src)
    res = cli("upgrade", ".", "--to", "48", cwd=repo)
    assert res.returncode == 0, res.stderr
    host = (repo / "host.py").read_text()
    assert "fs_mutable=False" in host and "config.shared_memory = True" in host and "DirPerms" not in host
    assert '"wasmtime>=48,<49"' in (repo / "pyproject.toml").read_text()
    assert "wasmtime==48.0.0" in (repo / "requirements.txt").read_text()
    after = run(_venv("wasmtime", "48.0.0"), ["python", "host.py"], repo)
    assert after.ok and "creating a file was refused" in after.output, after.output
    # the same tree still fails on 29 only because of the new keyword: the upgrade is what made it run on 48
    snapshot = tree(repo)
    again = cli("upgrade", ".", "--to", "48", "--allow-dirty", cwd=repo)
    assert again.returncode == 0 and tree(repo) == snapshot, again.stdout
    assert b"no changes" in again.stdout


def test_py_host_example_runs_on_50(tmp_path: Path):
    repo = make_repo(tmp_path / "py-host", source=ROOT / "examples" / "py-host")
    assert cli("upgrade", ".", "--to", "50", cwd=repo).returncode == 0
    after = run(_venv("wasmtime", _patch("wasmtime-py", "50")), ["python", "host.py"], repo)
    assert after.ok and "creating a file was refused" in after.output, after.output
    shutil.rmtree(repo)


RUN_COMPONENT = textwrap.dedent("""
    import sys
    from wasmtime import Engine, Store, WasiConfig
    from wasmtime.component import Component, Linker
    engine = Engine()
    store = Store(engine)
    store.set_wasi(WasiConfig())
    linker = Linker(engine)
    linker.add_wasip2()
    inst = linker.instantiate(store, Component.from_file(engine, sys.argv[1]))
    f = inst.get_func(store, "eval")
    for expr in sys.argv[2:]:
        print(repr(f(store, expr)))
        f.post_return(store)
""")


def test_py_guest_example_builds_at_0_25_after_upgrade(tmp_path: Path):
    """The guest example, upgraded 0.16 -> 0.25, builds with componentize-py 0.25.1 (the old source does not)
    and the component runs on a wasmtime-py 50 host (wasmtime.component)."""
    repo = make_repo(tmp_path / "py-guest", source=ROOT / "examples" / "py-guest")
    cpy = _venv("componentize-py", _patch("componentize-py", "0.25"))
    build = ["componentize-py", "-d", "wit", "-w", "sandbox", "componentize", "app", "-o", "sandbox.wasm"]
    old = run(cpy, build, repo, timeout=900)
    assert not old.ok and "No module named 'sandbox'" in old.output
    res = cli("upgrade", ".", "--py-guest-to", "0.25", "--allow-dirty", cwd=repo)  # the failed build left files
    assert res.returncode == 0, res.stderr
    assert "componentize-py==0.25.1" in (repo / "requirements.txt").read_text()
    new = run(cpy, build, repo, timeout=900)
    assert new.ok, new.output
    host = run(_venv("wasmtime", _patch("wasmtime-py", "50")), ["python", "-c", RUN_COMPONENT, "sandbox.wasm",
                                                                   "1 + 2 - 4", "x"], repo, timeout=900)
    assert host.ok, host.output
    assert "'-1'" in host.output and "tag='err'" in host.output, host.output
    snapshot = tree(repo)
    again = cli("upgrade", ".", "--py-guest-to", "0.25", "--allow-dirty", cwd=repo)
    assert again.returncode == 0 and tree(repo) == snapshot
