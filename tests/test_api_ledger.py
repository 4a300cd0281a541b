"""The API ledger's data against the step catalogue (fast: no cargo, reads the committed data).

- every breaking change is mapped; the zero-open crates have none open;
- a step named by a decision exists, is of the group's family and sits at the pair's version;
- a step's move table names, at its target version, a path the ledger says exists (and, at
  its source version, a path that existed);
- a path the ledger lists as moved is covered by a step whose move table has it (or whose code
  handles the item by name, for renames a move table cannot express);
- docs/api-ledger.md and docs/api-ledger/ are what the data renders to.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

from wasm_codemod.apidiff import ledger
from wasm_codemod.plan import load_registry
from wasm_codemod.transform import Step

ROOT = Path(__file__).resolve().parents[1]
GROUPS = ledger.load_config()
RULES = ledger.load_rules()
ENTRIES = ledger.classify(GROUPS, RULES)
REG = load_registry()
STEPS = {s.id: s for s in REG.steps}
TABLES = {c: t for g in GROUPS.values() for c in g.crates if (t := ledger.load_paths(c)) is not None}
BY_LIB = {c.replace("-", "_"): t for c, t in TABLES.items()}


def test_every_covered_crate_has_data() -> None:
    for g in GROUPS.values():
        for c in g.crates:
            d = ledger.load_diffs(c)
            assert d is not None, f"{c}: no diffs; run the ledger regeneration"
            assert c in TABLES, f"{c}: no path table"
            # the data reaches every configured line (a group built only part-way says so with `to` + `pending`)
            want = g.crate_lines(c)
            assert list(d.versions) == want, f"{c}: data covers {list(d.versions)}, config {want}"
            # ... and was built with the configured features (a change to them needs a regeneration)
            cc = g.crates[c]
            assert d.features == sorted(cc.features), f"{c}: data built with {d.features}, config {cc.features}"
            assert d.features_from == {ln: list(fs) for ln, fs in cc.features_from}, f"{c}: per-line features differ"


def test_zero_open_where_promised() -> None:
    for g in GROUPS.values():
        for c in g.crates.values():
            if c.zero_open:
                left = [f"{e.pair} {e.change.key}" for e in ENTRIES if e.crate == c.name and e.status == "open"]
                assert not left, f"{c.name}: {len(left)} open, e.g. {left[:10]}"


def test_decisions_name_real_steps_at_the_right_version() -> None:
    fam = {c: g.family for g in GROUPS.values() for c in g.crates}
    bad = []
    for e in ENTRIES:
        if e.status != "step":
            continue
        s = STEPS.get(e.value)
        if s is None:
            bad.append(f"{e.crate} {e.pair} {e.change.key}: no step {e.value!r}")
        elif s.family != fam[e.crate] or s.to_version != e.to:
            bad.append(f"{e.crate} {e.pair} {e.change.key}: step {s.id} is {s.family} {s.to_version}")
    assert not bad, "\n".join(bad[:20])


def test_no_source_impact_has_a_reason_and_every_rule_is_used() -> None:
    assert all(e.value.strip() for e in ENTRIES if e.status == "no-source-impact")
    used = {e.rule for e in ENTRIES}
    stale = [r.index for r in RULES if r.index not in used]
    assert not stale, f"decisions.toml rules that match nothing: {stale}"


def _table_for(path: str) -> ledger.PathTable | None:
    return BY_LIB.get(path.split("::", 1)[0])


def _present(t: ledger.PathTable, path: str, line: str) -> bool | None:
    if path == t.crate.replace("-", "_"):  # the crate root: there on the table's lines, gone after them
        if line in t.lines:
            return True
        return False if ledger.key(line) > ledger.key(t.lines[-1]) else None
    found = [t.present(p, line) for p in (path, path + "!")]
    if None in found:
        return None
    return any(found)


def _move_steps() -> list[Step]:
    return [s for s in REG.steps if s.moves]


@pytest.mark.parametrize("step", _move_steps(), ids=lambda s: s.id)
def test_move_table_names_paths_the_ledger_knows(step: Step) -> None:
    bad = []
    for old, new in step.moves.items():
        t = _table_for(old)
        if t is not None and _present(t, old, step.from_version) is False:
            bad.append(f"{old}: absent at {step.from_version} (the step's source version)")
        if new is None:
            continue
        t = _table_for(new)
        if t is not None and _present(t, new, step.to_version) is False:
            bad.append(f"{old} -> {new}: {new} absent at {step.to_version} (the step's target version)")
    assert not bad, "\n".join(bad)


def _covers(step: Step, path: str) -> bool:
    """The step's move table has the path (or a module above it), or its code handles the item by name."""
    parts = path.split("::")
    if any("::".join(parts[:i]) in step.moves for i in range(len(parts), 0, -1)):
        return True
    # renames a move table cannot express (e.g. 30's swap of `InputStream` names) live in `apply`
    return step.apply is not None and parts[-1] in inspect.getsource(sys.modules[step.apply.__module__])


def test_every_moved_path_has_a_step() -> None:
    bad = []
    for e in ENTRIES:
        if e.change.kind != "moved":
            continue
        if e.status == "open":
            bad.append(f"{e.crate} {e.pair} {e.change.path} -> {e.change.new_path}: no step")
        elif e.status == "step" and not _covers(STEPS[e.value], e.change.path):
            bad.append(f"{e.crate} {e.pair} {e.change.path}: step {e.value} has no move for it")
    assert not bad, "\n".join(bad[:30])


def test_path_tables_agree_with_the_diffs() -> None:
    for g in GROUPS.values():
        for c in g.crates:
            d, t = ledger.load_diffs(c), TABLES[c]
            for pair, changes in d.pairs.items():
                a, b = pair.split("->")
                for ch in changes:
                    if ch.kind in ("removed", "moved") and ch.path in t.paths:
                        assert _present(t, ch.path, a) and not _present(t, ch.path, b), (c, pair, ch.path)
                    if ch.kind == "moved" and _table_for(ch.new_path or "") is t:
                        assert _present(t, ch.new_path, b), (c, pair, ch.new_path)


def test_docs_are_rendered_from_the_data() -> None:
    assert (ROOT / "docs" / "api-ledger.md").read_text("utf-8") == ledger.render(GROUPS, ENTRIES)
    for g in GROUPS.values():
        for c in g.crates:
            page = ROOT / "docs" / "api-ledger" / f"{c}.md"
            want = ledger.render_crate(c, [e for e in ENTRIES if e.crate == c])
            assert page.read_text("utf-8") == want, f"{page} is stale: python3 -m wasm_codemod.apidiff.ledger render"
