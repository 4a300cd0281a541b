"""The ast-grep peer at the steps' scope (benchmarks/sg-steps/, issue 12) keeps up with the steps:
one rule per wasmtime step on the 29 -> 50 chain that searches Rust code, move rules generated
from the current `moves` tables, and rules that parse and match the shapes they name."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wasm_codemod.plan import load_registry

REPO = Path(__file__).resolve().parents[1]
SG_STEPS = REPO / "benchmarks" / "sg-steps"
CHAIN = [s for s in load_registry().for_family("wasmtime") if s.applies("29", "50")]


def _rule_ids(d: Path) -> dict[str, str]:
    out = {}
    for p in sorted(d.glob("*.yml")):
        line = next(ln for ln in p.read_text().splitlines() if ln.startswith("id: "))
        out[p.stem] = line.removeprefix("id: ").strip()
    return out


def test_every_code_step_on_the_chain_has_its_rule() -> None:
    ids = _rule_ids(SG_STEPS / "rules")
    assert all(stem == rid for stem, rid in ids.items())  # the file is named after the step it stands for
    code_steps = {s.id for s in CHAIN if s.apply is not None}
    assert code_steps - set(ids) == set()
    assert set(ids) - {s.id for s in CHAIN} == set()  # no rule for a step that is not on the chain


def test_move_rules_match_the_moves_tables() -> None:
    ids = _rule_ids(SG_STEPS / "rules" / "moves")
    assert set(ids.values()) == {f"{s.id}-moves" for s in CHAIN if s.moves}
    check = subprocess.run([sys.executable, str(REPO / "benchmarks" / "sg_moves.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


SAMPLE = """\
use wasmtime_wasi::preview1::WasiP1Ctx;
use wasmtime_wasi::{IoView, WasiView};

impl WasiView for Ctx {
    fn ctx(&mut self) -> &mut WasiCtx { &mut self.ctx }
}

fn link(linker: &mut Linker<Ctx>, store: &mut Store<Ctx>) -> Result<()> {
    wasmtime_wasi::p2::bindings::cli::exit::add_to_linker::<_, HasSelf<_>>(linker, &opts, |t| t)?;
    store.gc(None);
    let n = match v { Val::Bool(_) => 1, Val::S32(_) => 2 };
    Ok(())
}

wasmtime::component::bindgen!({ world: "w", with: { "wasi:io": wasmtime_wasi::bindings::io } });
"""


@pytest.mark.skipif(shutil.which("ast-grep") is None, reason="needs ast-grep (pip install ast-grep-cli)")
def test_rules_load_and_match_their_shapes(tmp_path: Path) -> None:
    (tmp_path / "lib.rs").write_text(SAMPLE)
    (tmp_path / "other.rs").write_text("fn main() { let x = 1 + 2; }\n")
    scan = subprocess.run(["ast-grep", "scan", "-c", str(SG_STEPS / "sgconfig.yml"), "--json=stream", "."],
                          cwd=tmp_path, capture_output=True, text=True)
    assert scan.returncode == 0 and scan.stderr == "", scan.stderr
    hits = [json.loads(ln) for ln in scan.stdout.splitlines()]
    by_rule = {h["ruleId"] for h in hits}
    assert {"wasmtime-36-wasi-ctx-view", "wasmtime-46-cli-exit-with-code", "wasmtime-33-store-gc",
            "wasmtime-42-store-gc-result", "wasmtime-36-val-variants", "wasmtime-37-p1-rename-moves",
            "wasmtime-33-p2-paths-moves", "wasmtime-36-bindgen-options", "wasmtime-34-store-static"} <= by_rule
    assert "wasmtime-39-func-new" not in by_rule
    assert {h["file"] for h in hits} == {"lib.rs"}
