"""The layering rule: transforms know nothing about files. They get parsed units, WIT files and
path dependencies through their context (the engine reads them once per run, step_inputs.py).

Two checks: a scan of transforms/ for file-system calls and for the helpers that read files
(here), and an audit hook on every golden case (tests/test_golden.py, tests/layering_audit.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import layering_audit
from layering_audit import PENDING, TRANSFORMS

from wasm_codemod.discover import discover
from wasm_codemod.step_inputs import RunInputs

# calls that touch the file system (`.resolve()` is not among them: NameTable.resolve is a step's tool)
FS_METHODS = frozenset({"read_bytes", "read_text", "write_bytes", "write_text", "open", "rglob", "glob",
                        "iterdir", "is_file", "is_dir", "exists", "stat", "lstat", "touch", "mkdir", "unlink",
                        "samefile", "readlink", "walk"})
FS_MODULES = frozenset({"os", "glob", "shutil", "io"})
# helpers of the engine's library that read files: a transform calling one reads them itself
DISK_HELPERS = frozenset({"crate_dir", "load_wit", "rust_files", "mentions", "uses_items"})
# reads the tool's own release tables (package data), not the project's files
EXEMPT = {"_families": "the tool's release data (importlib.resources)"}


def file_access(path: Path) -> list[str]:
    """What in this module touches files: `line: what`."""
    tree = ast.parse(path.read_text("utf-8"))
    out: list[str] = []
    # the file-system modules this one imports (an `io` variable is no `import io`)
    modules = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import)
               for a in n.names if a.name.split(".")[0] in FS_MODULES}
    for n in ast.walk(tree):
        if isinstance(n, ast.Call):
            f = n.func
            if isinstance(f, ast.Name) and f.id == "open":
                out.append(f"{n.lineno}: open()")
            elif isinstance(f, ast.Attribute):
                if f.attr in FS_METHODS:
                    out.append(f"{n.lineno}: .{f.attr}()")
                elif f.attr == "load" and isinstance(f.value, ast.Name) and f.value.id in ("tomllib", "tomli"):
                    out.append(f"{n.lineno}: {f.value.id}.load()")
        elif isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in modules:
            out.append(f"{n.lineno}: {n.value.id}.{n.attr}")
        elif isinstance(n, ast.ImportFrom) and (n.module or "").startswith("wasm_codemod"):
            out.extend(f"{n.lineno}: imports {a.name}" for a in n.names if a.name in DISK_HELPERS)
    return out


def scan() -> dict[str, list[str]]:
    found = {p.stem: file_access(p) for p in sorted(TRANSFORMS.glob("*.py"))}
    return {k: v for k, v in found.items() if v}


def test_no_transform_touches_files() -> None:
    found = scan()
    bad = {k: v for k, v in found.items() if k not in PENDING and k not in EXEMPT}
    assert not bad, ("transforms must not touch files; ask the engine through StepContext "
                     f"(ctx.wit_files, ctx.dependency_crates, ctx.inputs.dir): {bad}")


def test_pending_list_is_not_stale() -> None:
    found = scan()
    stale = [k for k in PENDING if k not in found]
    assert not stale, f"these no longer touch files: remove them from layering_audit.PENDING: {stale}"


def test_scan_sees_file_access(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import os\nfrom wasm_codemod.rust.guest import load_wit\n"
                     "def f(p):\n    return p.read_bytes(), open(p), os.listdir(p)\n")
    got = file_access(probe)
    assert sorted(got) == ["2: imports load_wit", "4: .read_bytes()", "4: open()", "4: os.listdir"], got


def _crate(tmp_path: Path) -> Path:
    c = tmp_path / "c"
    (c / "wit").mkdir(parents=True)
    (c / "src").mkdir()
    (c / "Cargo.toml").write_text('[package]\nname = "c"\nversion = "0.1.0"\n')
    (c / "src" / "lib.rs").write_text("")
    (c / "wit" / "w.wit").write_text("package a:b;\nworld w {}\n")
    return c


def _run_as_transform(code: str, env: dict) -> None:
    exec(compile(code, str(TRANSFORMS / "_layering_probe.py"), "exec"), env)


def test_audit_catches_a_transform_read(tmp_path: Path) -> None:
    c = _crate(tmp_path)
    layering_audit.watch(tmp_path)
    try:
        _run_as_transform("p.read_bytes()", {"p": c / "wit" / "w.wit"})
        _run_as_transform("list(p.rglob('*.wit'))", {"p": c})
        found = layering_audit.violations()
    finally:
        layering_audit.watch(None)
    assert {(m, e) for m, e, _, _ in found} == {("_layering_probe", "open"), ("_layering_probe", "os.scandir")}


def test_reads_through_the_engine_are_allowed(tmp_path: Path) -> None:
    c = _crate(tmp_path)
    disc = discover([c])
    inputs = RunInputs({k.dir: k for k in disc.crates}, lambda p: p.relative_to(tmp_path).as_posix())
    ctx_inputs = inputs.for_crate(disc.crates[0])
    env: dict = {"inputs": ctx_inputs, "p": c.resolve() / "wit"}
    layering_audit.watch(tmp_path)
    try:
        _run_as_transform("files = inputs.wit_files(p)", env)
        found = layering_audit.violations()
    finally:
        layering_audit.watch(None)
    assert found == []
    assert [(f.inner, f.data) for f in env["files"]] == [("w.wit", b"package a:b;\nworld w {}\n")]
