"""`wasm-codemod api-diff CRATE A B`: build both versions' rustdoc JSON, diff, classify, render."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import build, index, ledger
from .diff import KINDS, Change, diff
from .surface import load, resolve_externals

_EXACT = re.compile(r"^\d+\.\d+\.\d+$")


class ApiDiffError(ValueError):
    pass


@dataclass
class Result:
    crate: str
    old: str  # exact versions
    new: str
    features: tuple[str, ...]
    changes: list[Change]
    # per change key: (status, value) from the ledger's decisions (empty when the crate is not in the ledger)
    status: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the new side's features when they differ (the ledger's per-line `features_from`)
    features_new: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        rows = []
        for c in self.changes:
            st, val = self.status.get(c.key, ("open", ""))
            rows.append({**c.to_json(), "status": st, "value": val})
        counts = {k: sum(1 for r in rows if r["kind"] == k) for k, _ in KINDS}
        return {"schema_version": 1, "crate": self.crate, "from": self.old, "to": self.new,
                "features": ["default", *self.features],
                **({"features_new": ["default", *self.features_new]} if self.features_new is not None else {}),
                "found": len(rows),
                "open": sum(1 for r in rows if r["status"] == "open"),
                "by_kind": {k: v for k, v in counts.items() if v}, "changes": rows}


def resolve(crate: str, spec: str) -> str:
    """An exact version as given, or the newest non-yanked release of a line ("36", "0.45")."""
    if _EXACT.match(spec):
        return spec
    vs = index.versions(crate)
    if vs is None:
        raise ApiDiffError(f"cannot reach the crates.io index for {crate}; give exact versions (X.Y.Z)")
    newest = index.newest_per_line(vs)
    if spec not in newest:
        raise ApiDiffError(f"{crate} has no release on line {spec} (lines: {', '.join(list(newest)[-8:])})")
    return newest[spec]


def _targets(crate: str, version: str, features: tuple[str, ...] | None) -> tuple[list[build.Target], str,
                                                                              build.Target]:
    """The scratch project for one side: the ledger's group when the crate is in it (same cache)."""
    line = index.line_of(version)
    cfg = ledger.crate_config(crate)
    if cfg is not None and features is None:
        g, c = cfg
        me = build.Target(crate, version, c.features_at(line), c.default_features)
        others = []
        for o in g.crates.values():
            if o.name == crate:
                continue
            try:
                v = resolve(o.name, line)
            except ApiDiffError:
                continue  # that crate has no release on this line
            others.append(build.Target(o.name, v, o.features_at(line), o.default_features))
        return [me, *others], f"{g.name}-{line}", me
    me = build.Target(crate, version, tuple(features or ()))
    return [me], f"{crate}-{version}-{me.feature_key}", me


def api_diff(crate: str, a: str, b: str, *, features: tuple[str, ...] | None = None, jobs: int = 2,
             log: Callable[[str], None] = lambda _m: None) -> Result:
    va, vb = resolve(crate, a), resolve(crate, b)
    sides, surfaces = [], []
    for v in (va, vb):
        ts, group, me = _targets(crate, v, features)
        build.build(ts, group, jobs=jobs, log=log)
        mine = load(build.json_path(me))
        resolve_externals(mine, [load(build.json_path(t)) for t in ts if t is not me])
        sides.append(me)
        surfaces.append(mine)
    sa, sb = surfaces
    fa, fb = (ledger.crate_features(t.crate, t.version) for t in sides)
    changes = diff(sa, sb, fa, fb)
    res = Result(crate, va, vb, sides[0].features, changes,
                 features_new=sides[1].features if sides[1].features != sides[0].features else None)
    if ledger.crate_config(crate) is not None:
        rules = ledger.load_rules()
        pair = ledger.pair_key(index.line_of(va), index.line_of(vb))
        res.status = {c.key: ledger.classify_one(crate, pair, c, rules)[:2] for c in changes}
    return res


def to_text(r: Result) -> str:
    feats = f"default{''.join(' + ' + f for f in r.features)}"
    if r.features_new is not None:
        feats += f" -> default{''.join(' + ' + f for f in r.features_new)}"
    out = [f"{r.crate} {r.old} -> {r.new}: {len(r.changes)} breaking change(s) (features: {feats})"]
    for kind, head in KINDS:
        cs = [c for c in r.changes if c.kind == kind]
        if not cs:
            continue
        out.append(f"\n{head} ({len(cs)}):")
        for c in cs:
            st, val = r.status.get(c.key, ("", ""))
            mark = {"step": f"  [step {val}]", "no-source-impact": f"  [no-source-impact: {val}]",
                    "open": "  [open]"}.get(st, "")
            out.append(f"  {c.detail}{' [hidden]' if c.hidden else ''}{mark}")
            if c.kind == "signature" and (c.old or c.new):
                out.append(f"      old: {c.old or '-'}")
                out.append(f"      new: {c.new or '-'}")
    if r.status:
        n = sum(1 for c in r.changes if r.status.get(c.key, ("open",))[0] == "open")
        out.append(f"\n{n} open: each needs a step, or a no-source-impact reason in "
                   "src/wasm_codemod/data/api-ledger/decisions.toml")
    return "\n".join(out) + "\n"


def to_json_text(r: Result) -> str:
    return json.dumps(r.to_json(), indent=2) + "\n"
