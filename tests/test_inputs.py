"""Hostile inputs and output flags (issue 11): each defect found by trying the tool as a hostile
user would gets a test in the shape it was found in. Nothing is lost, every bad input is named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, cli, git, make_repo, tree

from wasm_codemod import session as session_mod
from wasm_codemod import writer
from wasm_codemod.runner import RunOptions
from wasm_codemod.session import SessionOptions, run_repo

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(scope="module")
def after36(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    repo = make_repo(tmp_path_factory.mktemp("ref") / "host", source=EXAMPLE)
    assert cli("upgrade", ".", "--to", "36", cwd=repo).returncode == 0
    return tree(repo)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "host", source=EXAMPLE)


def no_traceback(res: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in res.stderr + res.stdout, res.stderr.decode()[-2000:]


# -- 3: an empty --repos-from --------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "# nothing yet\n\n"])
def test_empty_repos_from_does_nothing_and_says_so(repo: Path, content: str):
    listing = repo.parent / "repos.txt"
    listing.write_text(content)
    before = tree(repo)
    res = cli("upgrade", "--repos-from", str(listing), "--to", "36", cwd=repo)  # cwd is an upgradable crate
    assert res.returncode == 0
    assert b"lists no repositories: nothing to do" in res.stderr
    assert tree(repo) == before


# -- 4: a Cargo.toml or .rs path argument ---------------------------------------------------


def test_cargo_toml_path_upgrades_the_whole_crate(repo: Path, after36):
    res = cli("upgrade", str(repo / "Cargo.toml"), "--to", "36", cwd=repo.parent)
    assert res.returncode == 0, res.stderr
    assert tree(repo) == after36, "sources and manifest upgrade together"
    assert cli("upgrade", str(repo / "Cargo.toml"), "--to", "36", "--check", cwd=repo.parent).returncode == 0


def test_rs_path_is_refused_with_a_hint(repo: Path):
    before = tree(repo)
    res = cli("upgrade", "src/main.rs", "--to", "36", cwd=repo)
    assert res.returncode == 2
    assert b"a single file cannot be upgraded alone" in res.stderr
    assert f"pass its crate instead: {repo}".encode() in res.stderr
    assert tree(repo) == before


# -- 5: outputs that would clobber the run's own files ----------------------------------------


@pytest.mark.parametrize("args", [
    ["--dry-run", "--diff-file", "src/main.rs"],
    ["--check", "--report", "Cargo.toml"],
    ["--report", "src/p1.rs"],
    ["--dry-run", "--report", "wit/plugin.wit"],
    ["--check", "--diff-file", "Cargo.lock"],
    ["--check", "--report", "src/new.rs"],  # not there yet, but the next run would read it as source
])
def test_output_onto_a_run_file_is_refused(repo: Path, args: list[str]):
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", *args, cwd=repo)
    assert res.returncode == 2, res.stderr
    assert b"nothing was written" in res.stderr
    assert tree(repo) == before
    no_traceback(res)


def test_output_through_a_symlink_onto_a_source_is_refused(repo: Path, tmp_path: Path):
    link = tmp_path / "innocent.diff"
    link.symlink_to(repo / "src" / "main.rs")
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", "--dry-run", "--diff-file", str(link), cwd=repo)
    assert res.returncode == 2 and b"a file this run reads or writes" in res.stderr
    assert tree(repo) == before


def test_report_inside_the_crate_being_written_needs_force(repo: Path, after36):
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", "--report", "upgrade.json", cwd=repo)
    assert res.returncode == 2 and b"a crate being upgraded" in res.stderr and b"--force" in res.stderr
    assert tree(repo) == before
    forced = cli("upgrade", ".", "--to", "36", "--report", "upgrade.json", "--force", cwd=repo)
    assert forced.returncode == 0, forced.stderr
    doc = json.loads((repo / "upgrade.json").read_text())
    assert doc["totals"]["files_changed"] == 5
    assert {k: v for k, v in tree(repo).items() if k != "upgrade.json"} == after36


def test_check_report_in_the_crate_is_fine(repo: Path):
    # the README's CI gate: nothing is written to the sources, so the report may sit beside them
    res = cli("upgrade", ".", "--to", "36", "--check", "--format", "json", "--report", "wasm-codemod.json", cwd=repo)
    assert res.returncode == 1
    assert json.loads((repo / "wasm-codemod.json").read_text())["mode"] == "check"


def test_report_and_diff_file_cannot_be_one_file(repo: Path, tmp_path: Path):
    out = tmp_path / "x.out"
    res = cli("upgrade", ".", "--to", "36", "--dry-run", "--report", str(out), "--diff-file", str(out), cwd=repo)
    assert res.returncode == 2 and b"the same file" in res.stderr


def test_bulk_output_inside_a_listed_repository_is_refused(repo: Path, tmp_path: Path):
    listing = tmp_path / "repos.txt"
    listing.write_text(f"{repo}\n")
    before = tree(repo)
    res = cli("upgrade", "--repos-from", str(listing), "--to", "36", "--report", str(repo / "r.json"), cwd=tmp_path)
    assert res.returncode == 2 and b"a repository of this run" in res.stderr
    assert tree(repo) == before
    res = cli("upgrade", "--repos-from", str(listing), "--to", "36", "--report", str(listing), cwd=tmp_path)
    assert res.returncode == 2 and b"is the --repos-from list" in res.stderr


# -- 6: an unwritable --report --------------------------------------------------------------


@pytest.mark.parametrize("where", ["missing-dir/r.json", "is-a-dir"])
def test_unwritable_report_is_refused_before_anything_is_written(repo: Path, tmp_path: Path, where: str):
    (tmp_path / "is-a-dir").mkdir()
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", "--report", str(tmp_path / where), cwd=repo)
    assert res.returncode == 2, res.stderr
    assert b"--report" in res.stderr and b"nothing was done" in res.stderr
    assert tree(repo) == before
    no_traceback(res)


@pytest.mark.skipif(ROOT_USER, reason="root may write into a read-only directory")
def test_report_in_a_read_only_directory_is_refused(repo: Path, tmp_path: Path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", "--report", str(ro / "r.json"), cwd=repo)
    assert res.returncode == 2 and b"cannot create files in" in res.stderr
    assert tree(repo) == before


def _opts(tmp_path: Path, **kw) -> SessionOptions:
    return SessionOptions(RunOptions(targets={"wasmtime": "36", "wit-bindgen": "0.41"}), **kw)


def test_report_failing_at_write_time_rolls_everything_back(repo: Path, tmp_path: Path, monkeypatch):
    before = tree(repo)

    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "write_output", full)
    out = run_repo(repo, _opts(tmp_path, report_path=str(tmp_path / "r.json"), early_outputs=True))
    assert out.status == "refused" and out.exit_code == 3
    assert any("--report" in m and "No space left on device" in m and "nothing was written" in m
               for m in out.messages), out.messages
    assert tree(repo) == before
    assert not list(repo.rglob("*.wasm-codemod-*")) and not (repo / ".git" / writer.JOURNAL).exists()


def test_report_is_written_before_the_sources_are_renamed(repo: Path, tmp_path: Path, monkeypatch):
    report = tmp_path / "r.json"
    seen: list[bool] = []
    real_replace = os.replace

    def spy(src, dst, *a, **k):
        if str(dst).endswith("main.rs"):
            seen.append(report.exists())
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(writer.os, "replace", spy)
    out = run_repo(repo, _opts(tmp_path, report_path=str(report), early_outputs=True))
    assert out.status == "changed"
    assert seen == [True]


# -- 7: git failing in the repository --------------------------------------------------------


def _fake_git(tmp_path: Path) -> dict[str, str]:
    """A `git` that fails as git does in a repository owned by another user."""
    bindir = tmp_path / "fakebin"
    bindir.mkdir()
    g = bindir / "git"
    g.write_text("#!/bin/sh\necho \"fatal: detected dubious ownership in repository at '$PWD'\" >&2\nexit 128\n")
    g.chmod(0o755)
    return dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}")


def test_git_failing_refuses_unless_allow_dirty(repo: Path, tmp_path: Path, after36):
    (repo / "wip.txt").write_text("uncommitted work\n")
    env = _fake_git(tmp_path)
    before = tree(repo)
    res = subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "36"], cwd=repo, env=env,
                         capture_output=True, check=False)
    assert res.returncode == 3, res.stderr
    assert b"`git status` failed: fatal: detected dubious ownership" in res.stderr
    assert b"safe.directory" in res.stderr and b"--allow-dirty" in res.stderr
    assert tree(repo) == before
    ok = subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "36", "--allow-dirty"],
                        cwd=repo, env=env, capture_output=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert {k: v for k, v in tree(repo).items() if k != "wip.txt"} == after36


@pytest.mark.skipif(not ROOT_USER, reason="needs root to hand the repository to another user")
def test_repository_owned_by_another_user_is_refused(repo: Path, tmp_path: Path):
    (repo / "wip.txt").write_text("uncommitted work\n")
    for p in [repo, *repo.rglob("*")]:
        os.lchown(p, 65534, 65534)
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), GIT_CONFIG_NOSYSTEM="1", XDG_CONFIG_HOME=str(home))
    before = tree(repo)
    res = subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "36"], cwd=repo, env=env,
                         capture_output=True, check=False)
    assert res.returncode == 3, res.stderr
    assert b"dubious ownership" in res.stderr
    assert tree(repo) == before


# -- 9: --check from a subdirectory ----------------------------------------------------------


def test_check_from_a_subdirectory_looks_up_like_cargo(repo: Path):
    res = cli("upgrade", "--to", "36", "--check", cwd=repo / "src")
    assert res.returncode == 1, res.stdout
    assert b"using the enclosing crate" in res.stderr
    assert b"5 file(s) would change" in res.stdout


def test_dry_run_diff_from_a_subdirectory_applies_with_git(repo: Path, tmp_path: Path, after36):
    dry = cli("upgrade", "--to", "36", "--dry-run", cwd=repo / "src" / "e2e")
    assert dry.returncode == 0
    assert b"../" not in dry.stdout
    assert b"diff --git a/Cargo.toml b/Cargo.toml" in dry.stdout
    patch = tmp_path / "p.diff"
    patch.write_bytes(dry.stdout)
    subprocess.run(["git", "apply", str(patch)], cwd=repo, check=True)
    assert tree(repo) == after36


def test_no_crate_anywhere_has_its_own_exit_code(tmp_path: Path):
    empty = tmp_path / "not-rust"
    empty.mkdir()
    (empty / "README").write_text("hi\n")
    res = cli("upgrade", ".", "--to", "36", "--check", cwd=empty)
    assert res.returncode == 8
    assert b"no Cargo.toml in or above" in res.stderr


# -- 10: bulk outcomes by position -----------------------------------------------------------


def test_bulk_duplicate_line_reports_the_real_outcome(repo: Path, tmp_path: Path, after36):
    listing = tmp_path / "repos.txt"
    listing.write_text(f"{repo}\n{repo}\n")
    res = cli("upgrade", "--repos-from", str(listing), "--to", "36", "--format", "jsonl", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [x["status"] for x in lines] == ["changed", "changed"]
    assert lines[0]["files_changed"] == lines[1]["files_changed"] == 5
    assert "same repository as entry 1" in lines[1]["messages"][0]
    assert tree(repo) == after36


def test_bulk_same_repo_four_times_in_parallel(repo: Path, tmp_path: Path, after36):
    listing = tmp_path / "repos.txt"
    listing.write_text(f"{repo}\n" * 4)
    res = cli("upgrade", "--repos-from", str(listing), "--to", "36", "--jobs", "4", "--format", "jsonl",
              cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [x["status"] for x in lines] == ["changed"] * 4
    assert tree(repo) == after36


# -- 11: unreadable files --------------------------------------------------------------------


@pytest.mark.parametrize("victim,to", [("src/main.rs", "36"), ("Cargo.toml", "36"),
                                       ("wit/plugin.wit", "43")])  # WIT steps start at 40
def test_unreadable_file_is_named_without_a_traceback(repo: Path, tmp_path: Path, monkeypatch, victim: str, to: str):
    target = (repo / victim).resolve()
    real = Path.read_bytes

    def guarded(self: Path) -> bytes:
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    before = tree(repo)
    monkeypatch.setattr(Path, "read_bytes", guarded)
    out = run_repo(repo, SessionOptions(RunOptions(targets={"wasmtime": to, "wit-bindgen": "0.41"})))
    monkeypatch.undo()
    if victim == "Cargo.toml":  # a manifest that cannot be read skips its crate (as a broken one does)
        assert out.exit_code == 7, (out.status, out.messages)
        skipped = (out.report or {})["skipped"]
        assert [k["manifest"].endswith("Cargo.toml") and "cannot read it (Permission denied)" in k["reason"]
                for k in skipped] == [True], skipped
    else:
        assert out.status == "refused" and out.exit_code == 3, out.messages
        assert any(victim in m and "cannot read it (Permission denied)" in m for m in out.messages), out.messages
    assert not any("Traceback" in m for m in out.messages)
    assert tree(repo) == before


@pytest.mark.skipif(ROOT_USER, reason="root reads files whatever their mode")
def test_unreadable_rs_via_chmod(repo: Path):
    (repo / "src" / "main.rs").chmod(0)
    res = cli("upgrade", ".", "--to", "36", cwd=repo)
    assert res.returncode == 3 and b"src/main.rs" in res.stderr and b"cannot read it" in res.stderr
    no_traceback(res)


# -- 12: a refused run never says it changed files ---------------------------------------------


def test_refused_run_does_not_print_files_changed(repo: Path):
    (repo / "wip.txt").write_text("uncommitted\n")
    res = cli("upgrade", ".", "--to", "36", cwd=repo)
    assert res.returncode == 3
    assert b"file(s) changed" not in res.stdout
    assert b"5 file(s) would change, but nothing was written" in res.stdout


# -- 13: the smaller ones --------------------------------------------------------------------


def test_cargo_toml_with_a_bom_is_upgraded_and_keeps_it(repo: Path, tmp_path: Path):
    m = repo / "Cargo.toml"
    m.write_bytes(b"\xef\xbb\xbf" + m.read_bytes())
    git("commit", "-qam", "bom", cwd=repo)
    dry = cli("upgrade", ".", "--to", "36", "--dry-run", cwd=repo)
    assert dry.returncode == 0, dry.stderr
    patch = tmp_path / "p.diff"
    patch.write_bytes(dry.stdout)
    assert subprocess.run(["git", "apply", "--check", str(patch)], cwd=repo).returncode == 0
    assert cli("upgrade", ".", "--to", "36", cwd=repo).returncode == 0
    out = m.read_bytes()
    assert out.startswith(b"\xef\xbb\xbf") and b'wasmtime = "36"' in out


@pytest.mark.parametrize("content", [
    b"use wasmtime_wasi::WasiView;\n" + b"// padding\n" * 1000 + b"\x00\x01",  # NUL past the first 8 KiB
    b"\x00\x01\x02 no wasm tokens at all",  # no prefilter token
])
def test_binary_rs_is_named_wherever_the_nul_is(repo: Path, content: bytes):
    (repo / "src" / "blob.rs").write_bytes(content)
    git("add", ".", cwd=repo)
    git("commit", "-qm", "blob", cwd=repo)
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", cwd=repo)
    assert res.returncode == 3
    assert b"src/blob.rs" in res.stderr and b"looks binary" in res.stderr
    assert tree(repo) == before


@pytest.mark.parametrize("args", [["--jobs", "0"], ["--jobs", "-1"], ["--bogus-flag"], ["--to", "nope"]])
def test_usage_errors_print_json_when_json_was_asked(repo: Path, args: list[str]):
    from test_schema import _validator

    res = cli("upgrade", ".", *args, "--format", "json", cwd=repo)
    assert res.returncode == 2
    doc = json.loads(res.stdout)
    assert doc["status"] == "usage-error" and doc["errors"]
    _validator("report-v2.schema.json").validate(doc)


def test_jobs_zero_is_a_usage_error(repo: Path):
    res = cli("upgrade", ".", "--to", "36", "--jobs", "0", cwd=repo)
    assert res.returncode == 2 and b"--jobs 0: expected 1 or more" in res.stderr


def test_internal_error_document_has_a_schema_version(repo: Path, tmp_path: Path, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("synthetic bug")

    monkeypatch.setattr(session_mod, "plan_run", boom)
    out = run_repo(repo, _opts(tmp_path))
    assert out.status == "failed" and out.exit_code == 6
    assert out.report is not None and out.report["schema_version"] == 2
    assert "synthetic bug" in out.report["errors"][0]


def test_diff_file_in_write_mode_is_the_diff_of_what_was_written(repo: Path, tmp_path: Path, after36):
    before = tree(repo)
    dry = cli("upgrade", ".", "--to", "36", "--dry-run", cwd=repo).stdout
    res = cli("upgrade", ".", "--to", "36", "--diff-file", str(tmp_path / "w.diff"), cwd=repo)
    assert res.returncode == 0
    assert (tmp_path / "w.diff").read_bytes() == dry
    assert tree(repo) == after36 != before


def test_write_into_a_closed_pipe_keeps_the_exit_code(repo: Path, after36):
    r, w = os.pipe()
    os.close(r)  # nobody will read: like `| head -0` that has already exited
    proc = subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "36"], cwd=repo,
                          stdout=w, stderr=subprocess.PIPE, check=False)
    os.close(w)
    assert proc.returncode == 0, proc.stderr
    assert b"stdout was closed before all output was written" in proc.stderr
    assert tree(repo) == after36


def test_list_keeps_square_brackets(repo: Path):
    out = cli("list", cwd=repo).stdout.decode()
    assert "#[derive(ComponentType)]" in out


def test_guest_to_error_names_the_right_flag(repo: Path):
    res = cli("upgrade", ".", "--guest-to", "none", cwd=repo)
    assert res.returncode == 2
    assert b"--guest-to 'none'" in res.stderr and b"--to 'none'" not in res.stderr.replace(b"--guest-to", b"")


# -- 8: big files --------------------------------------------------------------------------


def test_huge_rs_file_is_refused_quickly_with_bounded_memory(repo: Path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bigfile import generate

    (repo / "src" / "big.rs").write_bytes(generate(50 * 2**20))
    git("add", ".", cwd=repo)
    git("commit", "-qm", "big", cwd=repo)
    # a fresh parent whose only child is the run: its children's peak RSS is the run's
    probe = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
             "p = subprocess.run([sys.executable, '-m', 'wasm_codemod', 'upgrade', '.', '--to', '36'], "
             "capture_output=True); print(json.dumps({'code': p.returncode, 'err': p.stderr.decode(), "
             "'secs': time.perf_counter() - t, 'rss_mib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss "
             "// 1024}))")
    res = json.loads(subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, check=True).stdout)
    assert res["code"] == 3, res["err"]
    assert "src/big.rs: 50.0 MiB is above the 2.0 MiB limit for one Rust file" in res["err"]
    assert "--max-file-size 51M" in res["err"]
    assert res["secs"] < 60
    assert res["rss_mib"] < 400, "memory stays bounded: the file is read once, never parsed"


def test_max_file_size_is_honoured(repo: Path):
    res = cli("upgrade", ".", "--to", "36", "--check", "--max-file-size", "1K", cwd=repo)
    assert res.returncode == 3 and b"src/main.rs: 2.4 KiB is above the 1.0 KiB limit" in res.stderr
    assert cli("upgrade", ".", "--to", "36", "--check", "--max-file-size", "4M", cwd=repo).returncode == 1
    assert cli("upgrade", ".", "--max-file-size", "lots", cwd=repo).returncode == 2
