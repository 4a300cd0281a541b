"""JSON output of several kinds of runs validates against the published schemas (docs/schema/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import EXAMPLE, ROOT, cli, git, make_repo
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = ROOT / "docs" / "schema"


def _validator(name: str) -> Draft202012Validator:
    reg = Registry()
    for f in SCHEMAS.glob("*.json"):
        doc = json.loads(f.read_text())
        res = Resource.from_contents(doc)
        reg = reg.with_resource(doc["$id"], res).with_resource(f.name, res)
    schema = json.loads((SCHEMAS / name).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=reg)


@pytest.fixture(scope="module")
def report_validator() -> Draft202012Validator:
    return _validator("report-v2.schema.json")


@pytest.mark.parametrize("args", [
    ["--to", "36", "--dry-run"],
    ["--to", "30", "--check"],
    ["--to", "37"],
    ["--to", "29"],
    ["--to", "36", "--from", "33"],
])
def test_single_run_json_validates(tmp_path: Path, report_validator, args):
    repo = make_repo(tmp_path / "h", source=EXAMPLE)
    res = cli("upgrade", ".", *args, "--format", "json", cwd=repo)
    assert res.returncode in (0, 1), res.stderr
    doc = json.loads(res.stdout)
    report_validator.validate(doc)
    assert doc["mode"] in ("write", "dry-run", "check")


def test_refused_run_json_validates(tmp_path: Path, report_validator):
    # a binary file with a .rs name in a crate that would be edited: unsafe to write, the run refuses
    repo = make_repo(tmp_path / "h", source=EXAMPLE)
    (repo / "src" / "blob.rs").write_bytes(b"use wasmtime_wasi::WasiView;\n\x00\xff\xfe")
    git("add", "-A", cwd=repo)
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "blob", cwd=repo)
    res = cli("upgrade", ".", "--to", "36", "--format", "json", "--report", str(tmp_path / "r.json"), cwd=repo)
    assert res.returncode == 3
    doc = json.loads((tmp_path / "r.json").read_text())
    report_validator.validate(doc)
    assert doc["errors"] and "blob.rs" in doc["errors"][0]


def test_skipped_run_json_validates(tmp_path: Path, report_validator):
    repo = make_repo(tmp_path / "h", {"Cargo.toml": '[package\nname = 1\n[dependencies]\nwasmtime = "29"\n'})
    res = cli("upgrade", ".", "--to", "36", "--format", "json", "--report", str(tmp_path / "r.json"), cwd=repo)
    assert res.returncode == 7
    doc = json.loads((tmp_path / "r.json").read_text())
    report_validator.validate(doc)
    assert doc["skipped"][0]["manifest"] == "Cargo.toml" and "TOML syntax error" in doc["skipped"][0]["reason"]
    assert doc["totals"]["skipped"] == 1 and not doc["errors"]


def test_bulk_lines_validate(tmp_path: Path):
    v = _validator("repo-line-v2.schema.json")
    a = make_repo(tmp_path / "a", source=EXAMPLE)
    b = make_repo(tmp_path / "b", {"Cargo.toml": "[package\n"})
    res = cli("upgrade", str(a), str(b), "--to", "36", "--format", "jsonl", cwd=tmp_path)
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert len(lines) == 2
    for line in lines:
        v.validate(line)
