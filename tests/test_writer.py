"""Crash-safe writes: a run killed at any point of the write protocol is completed or rolled back
by the next run, no temp file is left, and --check never calls a half-written tree upgraded.

Kill points come from the writer's test hook (WASM_CODEMOD_CRASH_AT): the process kills itself
right after the named point, so every phase is hit exactly. The 200-crate version with random
kills is the slow `crash` tier (tests/test_crash.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, cli, git, make_repo, tree

from wasm_codemod import writer

CHANGED = 5  # files `upgrade --to 36` changes in the example (4 .rs + Cargo.toml)


def leftovers(root: Path) -> list[str]:
    """Temp files, backups and journals the writer may create, anywhere under root (and .git)."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.endswith((writer.NEW_SUFFIX, writer.OLD_SUFFIX, ".wasm-codemod", "-probe"))
                  or p.name in (writer.JOURNAL, writer.DOT_JOURNAL))


def crash_run(repo: Path, at: str, sig: str = "KILL", *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, WASM_CODEMOD_CRASH_AT=at, WASM_CODEMOD_CRASH_SIGNAL=sig)
    return subprocess.run([sys.executable, "-m", "wasm_codemod", "upgrade", ".", "--to", "36", *args], cwd=repo,
                          env=env, capture_output=True, check=False)


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The example's tree before and after `--to 36`."""
    repo = make_repo(tmp_path_factory.mktemp("ref") / "host", source=EXAMPLE)
    before = tree(repo)
    assert cli("upgrade", ".", "--to", "36", cwd=repo).returncode == 0
    return before, tree(repo)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "host", source=EXAMPLE)


@pytest.mark.parametrize("at", ["stage:1", "stage:5", "staged", "rename:1", "rename:3", "rename:4", "renamed",
                                "cleanup:2"])
def test_sigkill_then_rerun_ends_consistent(repo: Path, states, at: str):
    before, after = states
    dead = crash_run(repo, at)
    assert dead.returncode == -signal.SIGKILL, dead.stderr
    journal = repo / ".git" / writer.JOURNAL
    assert journal.exists(), "the journal must outlive the killed run"
    now = tree(repo)
    assert all(now[f] in (before[f], after[f]) for f in before), "a file is neither before nor after (torn)"
    if at.startswith("rename:"):
        k = int(at.split(":")[1])
        assert now["Cargo.toml"] == before["Cargo.toml"], "Cargo.toml is renamed last"
        assert sum(now[f] != before[f] for f in before) == k
    # --check must not report a half-written tree as anything but interrupted
    chk = cli("upgrade", ".", "--to", "36", "--check", cwd=repo)
    assert chk.returncode == 3, chk.stderr
    assert b"interrupted write" in chk.stderr and b"already at or past" not in chk.stdout
    rerun = cli("upgrade", ".", "--to", "36", cwd=repo)
    assert rerun.returncode == 0, rerun.stderr
    err = rerun.stderr.decode()
    assert "found the journal of an interrupted write" in err
    if at.startswith("stage:"):
        assert "rolled back it: it stopped while staging" in err
    else:
        assert "completed it" in err
    assert tree(repo) == after
    assert leftovers(repo) == []
    assert cli("upgrade", ".", "--to", "36", "--check", cwd=repo).returncode == 0


@pytest.mark.parametrize("sig,code", [("TERM", 143), ("INT", 130)])
@pytest.mark.parametrize("at", ["stage:2", "rename:2", "renamed"])
def test_sigterm_and_sigint_roll_back_in_process(repo: Path, states, sig: str, code: int, at: str):
    before, _after = states
    res = crash_run(repo, at, sig)
    assert res.returncode == code, res.stderr
    assert b"rolled back" in res.stderr and b"Traceback" not in res.stderr
    assert tree(repo) == before
    assert leftovers(repo) == []


def test_signal_during_cleanup_keeps_the_write(repo: Path, states):
    _before, after = states
    res = crash_run(repo, "cleanup:1", "TERM")
    assert res.returncode == -signal.SIGTERM  # sent again once the write was whole
    assert tree(repo) == after
    assert leftovers(repo) == []


def test_file_changed_after_the_crash_is_kept_and_the_rest_rolled_back(repo: Path, states):
    before, after = states
    assert crash_run(repo, "rename:2").returncode == -signal.SIGKILL
    replaced = [f for f in before if tree(repo)[f] != before[f]]
    assert len(replaced) == 2
    edited = repo / replaced[0]
    edited.write_bytes(edited.read_bytes() + b"// my edit after the crash\n")
    res = cli("upgrade", ".", "--to", "36", "--allow-dirty", cwd=repo)
    err = res.stderr.decode()
    assert "rolled back it: some files changed after the interruption" in err
    assert f"{edited}: changed since the interrupted run; left as it is" in err
    assert edited.read_bytes().endswith(b"// my edit after the crash\n")
    # the other replaced file went back, then this run upgraded everything again
    final = tree(repo)
    assert all(final[f] == after[f] for f in after if f != replaced[0])
    kept = leftovers(repo)
    assert len(kept) == 1 and Path(kept[0]).name.startswith(f".{edited.name}.")
    assert kept[0].endswith(writer.OLD_SUFFIX)
    assert (repo / kept[0]).read_bytes() == before[replaced[0]], "the pre-run content is kept for the person"


def test_live_writer_is_never_recovered(repo: Path):
    import fcntl

    journal = repo / ".git" / writer.JOURNAL
    fd = os.open(journal, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, json.dumps({"journal": 1, "pid": 1}).encode() + b"\n")
        before = tree(repo)
        res = cli("upgrade", ".", "--to", "36", cwd=repo)
        assert res.returncode == 3 and b"another wasm-codemod run is writing here now" in res.stderr
        chk = cli("upgrade", ".", "--to", "36", "--check", cwd=repo)
        assert chk.returncode == 3 and b"another wasm-codemod run is writing" in chk.stderr
        assert tree(repo) == before and journal.exists()
    finally:
        os.close(fd)


def test_outside_git_the_journal_is_one_dot_file_removed_at_the_end(tmp_path: Path, states):
    import shutil

    _before, after = states
    crate = tmp_path / "plain"
    shutil.copytree(EXAMPLE, crate, ignore=shutil.ignore_patterns("target"))
    assert crash_run(crate, "rename:2").returncode == -signal.SIGKILL
    assert (crate / writer.DOT_JOURNAL).exists()
    res = cli("upgrade", ".", "--to", "36", cwd=crate)
    assert res.returncode == 0 and b"completed it" in res.stderr
    assert tree(crate) == after
    assert leftovers(crate) == []
    assert cli("upgrade", ".", "--to", "36", cwd=crate).returncode == 0
    assert leftovers(crate) == []


def test_read_only_file_is_refused_by_name_unless_forced(repo: Path, states):
    _before, after = states
    main = repo / "src" / "main.rs"
    main.chmod(0o444)
    before = tree(repo)
    res = cli("upgrade", ".", "--to", "36", cwd=repo)
    assert res.returncode == 3
    assert b"src/main.rs: the file is read-only" in res.stderr and b"--force" in res.stderr
    assert tree(repo) == before and leftovers(repo) == []
    assert cli("upgrade", ".", "--to", "36", "--force", cwd=repo).returncode == 0
    assert tree(repo) == after
    assert main.stat().st_mode & 0o777 == 0o444, "the mode is kept"


def test_journal_lists_hashes_and_puts_manifests_last(repo: Path):
    assert crash_run(repo, "staged").returncode == -signal.SIGKILL
    lines = [json.loads(x) for x in (repo / ".git" / writer.JOURNAL).read_text().splitlines()]
    entries = [x for x in lines if "path" in x]
    assert lines[0]["journal"] == 1 and lines[-1] == {"staged": True}
    assert len(entries) == CHANGED
    assert Path(entries[-1]["path"]).name == "Cargo.toml" and entries[-1]["last"]
    for e in entries:
        assert len(e["old"]) == len(e["new"]) == 64 and e["old"] != e["new"]
        assert Path(e["tmp"]).exists() and Path(e["backup"]).exists()


def test_a_clean_run_leaves_nothing_behind(repo: Path):
    assert cli("upgrade", ".", "--to", "36", cwd=repo).returncode == 0
    assert leftovers(repo) == []
    assert git("status", "--porcelain", cwd=repo).strip().count("\n") == CHANGED - 1  # only the 5 changed files
