"""`--jobs N` on one repository: its crates are planned in forked workers, and nothing of the output
changes (bytes of the JSON report, of the dry-run diff, of the written tree)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from golden_harness import build_crate, cases
from helpers import cli, git, make_repo, tree

SHAPES = ["wasmtime-30-ioview-split/basic", "wasmtime-33-p2-paths/split-group",
          "wasmtime-34-has-data/world-and-interface", "wasmtime-36-wasi-ctx-view/from-35-two-impls",
          "wasmtime-37-p1-rename/crlf", "wasmtime-30-ioview-split/basic"]


def _monorepo(tmp_path: Path) -> Path:
    """One repository holding several crates at different lines, one broken manifest, one crate
    that names no family."""
    by_id = {c.id: c for c in cases()}
    stage = tmp_path / "stage"
    files: dict[str, bytes | str] = {
        "broken/Cargo.toml": '[package]\nname = "broken"\nversion = "0.1.0"\n[dependencies\nwasmtime = "29"\n',
        "broken/src/lib.rs": "use wasmtime_wasi::WasiView;\n",
        "plain/Cargo.toml": '[package]\nname = "plain"\nversion = "0.1.0"\n',
        "plain/src/lib.rs": "pub fn f() {}\n",
    }
    repo = make_repo(tmp_path / "mono", files)
    for i, shape in enumerate(SHAPES):
        crate = build_crate(by_id[shape], "before", stage / f"c{i}")
        shutil.copytree(crate, repo / f"crates/c{i}", ignore=shutil.ignore_patterns("target"))
    git("add", ".", cwd=repo)
    git("commit", "-qm", "crates", cwd=repo)  # a clean tree: write mode refuses uncommitted work
    return repo


def test_jobs_plans_crates_in_workers_with_identical_output(tmp_path: Path):
    repo = _monorepo(tmp_path)
    outs = {}
    for jobs in ("1", "3"):
        js = cli("upgrade", ".", "--to", "50", "--dry-run", "--format", "json", "--jobs", jobs, cwd=repo)
        diff = cli("upgrade", ".", "--to", "50", "--dry-run", "--jobs", jobs, cwd=repo)
        outs[jobs] = (js.returncode, js.stdout, diff.returncode, diff.stdout, diff.stderr)
    assert outs["1"][1].count(b'"path"') > 6  # the run did change files in several crates
    assert outs["1"] == outs["3"]


def test_jobs_write_mode_writes_the_same_tree(tmp_path: Path):
    repo = _monorepo(tmp_path)
    other = tmp_path / "mono3"
    shutil.copytree(repo, other, symlinks=True)
    before = tree(repo)
    one = cli("upgrade", ".", "--to", "50", "--jobs", "1", cwd=repo)
    three = cli("upgrade", ".", "--to", "50", "--jobs", "3", cwd=other)
    assert one.returncode == three.returncode
    assert one.stdout == three.stdout
    assert tree(repo) == tree(other)
    changed = [p for p, b in tree(repo).items() if before.get(p) != b]
    assert len(changed) > 6, changed  # sources and manifests of several crates were written


def test_jobs_uses_other_processes(tmp_path: Path, monkeypatch):
    """The crates that name a family crate are planned in forked workers (not all in this process)."""
    from wasm_codemod import runner

    repo = _monorepo(tmp_path)
    pids = tmp_path / "pids"
    plan_crate = runner._plan_crate

    def recording(crate, *args, **kwargs):  # type: ignore[no-untyped-def]
        with pids.open("a") as f:
            f.write(f"{os.getpid()} {crate.name}\n")
        return plan_crate(crate, *args, **kwargs)

    monkeypatch.setattr(runner, "_plan_crate", recording)
    serial = runner.plan_run([repo], runner.RunOptions(targets={"wasmtime": "50"}), base=repo)
    pids.write_text("")
    parallel = runner.plan_run([repo], runner.RunOptions(targets={"wasmtime": "50"}, jobs=2), base=repo)
    seen = [ln.split() for ln in pids.read_text().splitlines()]
    assert {name for _pid, name in seen} >= {c.crate.name for c in serial.crates}
    assert len({pid for pid, _n in seen} - {str(os.getpid())}) >= 1
    assert [(c.path, c.new, c.steps) for c in parallel.changes] == [(c.path, c.new, c.steps) for c in serial.changes]
    assert [f.key() for f in parallel.follow_ups] == [f.key() for f in serial.follow_ups]
    assert [s.text() for s in parallel.skipped] == [s.text() for s in serial.skipped]
