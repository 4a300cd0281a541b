"""Bulk: 20+ generated repositories, in parallel, with per-repo isolation and JSONL output."""

from __future__ import annotations

import json
from pathlib import Path

from golden_harness import build_crate, cases
from helpers import cli, git, make_repo, tree

SHAPES = ["wasmtime-30-ioview-split/basic", "wasmtime-33-p2-paths/split-group",
          "wasmtime-34-has-data/world-and-interface", "wasmtime-36-wasi-ctx-view/from-35-two-impls",
          "wasmtime-37-p1-rename/crlf"]


def _fleet(tmp_path: Path) -> dict[str, Path]:
    by_id = {c.id: c for c in cases()}
    repos: dict[str, Path] = {}
    for i in range(17):
        case = by_id[SHAPES[i % len(SHAPES)]]
        crate = build_crate(case, "before", tmp_path / "stage" / f"r{i}")
        repos[f"ok-{i:02d}-{case.from_}"] = make_repo(tmp_path / f"ok-{i:02d}", source=crate)
    repos["broken"] = make_repo(tmp_path / "broken", {
        "Cargo.toml": '[package]\nname = "broken"\nversion = "0.1.0"\n[dependencies\nwasmtime = "29"\n',
        "src/lib.rs": "use wasmtime_wasi::WasiView;\n"})
    dirty = build_crate(by_id["wasmtime-30-ioview-split/basic"], "before", tmp_path / "stage" / "dirty")
    repos["dirty"] = make_repo(tmp_path / "dirty", source=dirty)
    (repos["dirty"] / "src" / "lib.rs").write_text((repos["dirty"] / "src" / "lib.rs").read_text() + "// wip\n")
    current = build_crate(by_id["wasmtime-37-p1-rename/crlf"], "after", tmp_path / "stage" / "cur")
    repos["current"] = make_repo(tmp_path / "current", source=current)
    return repos


def test_bulk_run_isolates_failures(tmp_path: Path):
    repos = _fleet(tmp_path)
    assert len(repos) >= 20
    listing = tmp_path / "repos.txt"
    listing.write_text("# fleet\n" + "\n".join(str(p) for p in repos.values()) + "\n\n")
    before = {name: tree(p) for name, p in repos.items()}
    res = cli("upgrade", "--repos-from", str(listing), "--to", "37", "--jobs", "2", "--format", "jsonl",
              "--git-branch", "wasm-codemod/upgrade-37", "--git-commit", cwd=tmp_path)
    assert res.returncode == 5, res.stderr  # partial failure: the broken and the dirty repo
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [Path(x["repo"]) for x in lines] == list(repos.values())  # input order, one line each
    status = {name: line for name, line in zip(repos, lines, strict=True)}
    # an unreadable manifest costs its own crate, named, not the whole run
    assert status["broken"]["status"] == "unchanged" and status["broken"]["exit_code"] == 7
    assert "Cargo.toml" in status["broken"]["skipped"][0] and "TOML syntax error" in status["broken"]["skipped"][0]
    assert status["dirty"]["status"] == "refused" and "--allow-dirty" in status["dirty"]["messages"][0]
    assert status["current"]["status"] == "unchanged" and status["current"]["files_changed"] == 0
    for name in ("broken", "dirty", "current"):
        assert tree(repos[name]) == before[name], f"{name} was modified"
    for name, line in status.items():
        if not name.startswith("ok-"):
            continue
        assert line["status"] == "changed", (name, line)
        assert line["files_changed"] >= 1 and line["branch"] == "wasm-codemod/upgrade-37"
        repo = repos[name]
        assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=repo).strip() == "wasm-codemod/upgrade-37"
        assert git("status", "--porcelain", cwd=repo) == ""  # everything committed
        msg = git("log", "-1", "--format=%B", cwd=repo)
        assert msg.startswith("Upgrade wasmtime ") and "-> 37" in msg and "- wasmtime-manifest" in msg
        assert line["commit"] == git("rev-parse", "HEAD", cwd=repo).strip()
    # a second pass over the fleet (upgraded repos now on their branch) has nothing left to do
    again = cli("upgrade", "--repos-from", str(listing), "--to", "37", "--check", "--format", "jsonl", cwd=tmp_path)
    again_lines = {n: json.loads(x) for n, x in zip(repos, again.stdout.decode().splitlines(), strict=True)}
    assert all(again_lines[n]["status"] == "unchanged" for n in repos if n.startswith("ok-"))


def test_bulk_text_summary_and_missing_repo(tmp_path: Path):
    a = make_repo(tmp_path / "a", source=build_crate(
        {c.id: c for c in cases()}["wasmtime-30-ioview-split/basic"], "before", tmp_path / "s"))
    res = cli("upgrade", str(a), str(tmp_path / "nope"), "--to", "36", "--check", cwd=tmp_path)
    out = res.stdout.decode()
    assert res.returncode == 5
    assert "pending" in out and "failed" in out and "2 repositories" in out


def test_the_summary_table_names_each_upgrade_once_with_its_crate_count():
    from wasm_codemod.cli import _plan_summary

    plans = [{"family": "wasmtime", "from": "29", "to": "50"}] * 3 + [{"family": "wasmtime", "from": "31", "to": "50"}]
    assert _plan_summary(plans) == "wasmtime 29->50 (3 crates); wasmtime 31->50"
    assert _plan_summary([]) == ""
