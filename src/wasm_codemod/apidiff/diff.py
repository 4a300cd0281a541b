"""Breaking changes between two surfaces of one crate, grouped by kind.

Paths that disappear are matched to a new path when one exists (another path of the same
item, an added item of the same name and kind, or an added module/type with nearly the same
members); a removed module's children that moved with it are folded into its entry.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass
from typing import Any

from .surface import Item, Surface

# (kind, heading) in report order
KINDS: tuple[tuple[str, str], ...] = (
    ("removed", "item removed"),
    ("moved", "item moved (new path)"),
    ("member-removed", "method or associated item removed or renamed"),
    ("signature", "signature changed"),
    ("trait-item-added", "trait item added without a default"),
    ("variant-added", "variant added to an exhaustive enum"),
    ("variant-removed", "enum variant removed"),
    ("field-removed", "public field removed"),
    ("impl-removed", "trait impl removed"),
    ("feature-removed", "Cargo feature removed or renamed"),
)
KIND_NAMES = tuple(k for k, _ in KINDS)


@dataclass
class Change:
    kind: str
    path: str  # as code spells it at the old version (`Type::member` for members, feature name for features)
    detail: str
    new_path: str | None = None
    old: str | None = None
    new: str | None = None
    folded: int = 0  # paths under a removed/moved module that went with it
    hidden: bool = False  # the old path (or member) is #[doc(hidden)]

    @property
    def key(self) -> str:
        return f"{self.kind} {self.path}"

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, 0, "", False)}

    @staticmethod
    def from_json(d: dict[str, Any]) -> Change:
        return Change(d["kind"], d["path"], d.get("detail", ""), d.get("new_path"), d.get("old"), d.get("new"),
                      d.get("folded", 0), d.get("hidden", False))


def diff(a: Surface, b: Surface, features_a: dict[str, list[str]] | None = None,
         features_b: dict[str, list[str]] | None = None) -> list[Change]:
    c = _Ctx.of(a, b)
    path_changes, renamed = _paths(c)
    changes = path_changes + _items(c, renamed)
    if features_a is not None and features_b is not None:
        changes += _features(features_a, features_b)
    order = {k: i for i, k in enumerate(KIND_NAMES)}
    return sorted(changes, key=lambda c: (order[c.kind], c.path))


def _last(p: str) -> str:
    return p.rsplit("::", 1)[-1]


def _parent(p: str) -> str:
    return p.rsplit("::", 1)[0]


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a.split("::"), b.split("::"), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_tail(a: str, b: str) -> int:
    """Segments shared at the end (`x::bindings::io::Error` vs `x::p2::bindings::io::Error`: 3)."""
    return _common("::".join(reversed(a.split("::"))), "::".join(reversed(b.split("::"))))


def _children(s: Surface) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in s.paths:
        if "::" in p:
            out.setdefault(_parent(p), set()).add(_last(p))
    return out


@dataclass
class _Ctx:
    a: Surface
    b: Surface
    a_ids: dict[tuple[str, int], list[str]]
    added: set[str]
    added_by_name: dict[tuple[str, str], list[str]]
    kids_a: dict[str, set[str]]
    kids_b: dict[str, set[str]]

    @staticmethod
    def of(a: Surface, b: Surface) -> _Ctx:
        # a path whose kind changed (type alias -> trait) is a new item for matching purposes
        added = {p for p, it in b.paths.items() if p not in a.paths or a.paths[p].kind != it.kind}
        by_name: dict[tuple[str, str], list[str]] = {}
        for q in sorted(added):
            by_name.setdefault((_last(q), b.paths[q].kind), []).append(q)
        return _Ctx(a, b, a.by_id(), added, by_name, _children(a), _children(b))


def _member_names(it: Item) -> set[str]:
    return set(it.members)


def _similar(x: set[str], y: set[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def _new_paths(c: _Ctx, p: str) -> list[str]:
    a, b = c.a, c.b
    it = a.paths[p]
    same_item = [q for q in c.a_ids[it.ident] if q != p and q in b.paths and b.paths[q].kind == it.kind]
    same_name = c.added_by_name.get((_last(p), it.kind), [])
    cands = list(dict.fromkeys(same_item + same_name))
    if not cands and it.kind == "module":
        kids = c.kids_a.get(p, set())
        scored = [(_similar(kids, c.kids_b.get(q, set())), q) for q in c.added if b.paths[q].kind == "module"]
        cands = [q for s, q in sorted(scored, reverse=True) if s >= 0.6][:3]
    if not cands and it.kind in ("struct", "enum", "trait", "union") and len(it.members) >= 2:
        mine = _member_names(it)
        scored = [(_similar(mine, _member_names(b.paths[q])), q) for q in c.added if b.paths[q].kind == it.kind]
        cands = [q for s, q in sorted(scored, reverse=True) if s >= 0.7][:3]
    return sorted(cands, key=lambda q: (-_common_tail(p, q), -_common(p, q), q.count("::"), q))


def _paths(c: _Ctx) -> tuple[list[Change], dict[str, str]]:
    """Path-level changes, and where each removed path went (folded children included)."""
    a, b = c.a, c.b
    retyped = [Change("signature", p, f"`{p}` is now a {b.paths[p].kind} (was a {it.kind})", old=it.kind,
                      new=b.paths[p].kind, hidden=p in a.hidden)
               for p, it in a.paths.items() if p in b.paths and b.paths[p].kind != it.kind]
    removed = sorted((p for p in a.paths if p not in b.paths), key=lambda p: (p.count("::"), p))
    new: dict[str, list[str]] = {p: _new_paths(c, p) for p in removed}
    out: dict[str, Change] = {}
    renamed: dict[str, str] = {}
    for p in removed:
        owner = next((m for m in _ancestors(p) if m in out), None)
        if owner is not None:
            top = out[owner]
            rest = p[len(owner) + 2:]
            if top.new_path and f"{top.new_path}::{rest}" in b.paths:
                top.folded += 1
                renamed[p] = f"{top.new_path}::{rest}"
                continue
            if not top.new_path and not new[p]:
                top.folded += 1
                continue
        it = a.paths[p]
        cands = new[p]
        if cands:
            more = f" (also: {', '.join(cands[1:4])})" if len(cands) > 1 else ""
            out[p] = Change("moved", p, f"{it.kind} `{p}` is at `{cands[0]}`{more}", new_path=cands[0],
                            hidden=p in a.hidden)
            renamed[p] = cands[0]
        else:
            out[p] = Change("removed", p, f"{it.kind} `{p}` removed", hidden=p in a.hidden)
    for ch in out.values():
        if ch.folded:
            ch.detail += f"; {ch.folded} path(s) under it went with it"
    return retyped + list(out.values()), renamed


def _ancestors(p: str) -> list[str]:
    parts = p.split("::")
    return ["::".join(parts[:i]) for i in range(len(parts) - 1, 1, -1)]


def _items(c: _Ctx, renamed: dict[str, str]) -> list[Change]:
    a, b = c.a, c.b
    out: list[Change] = []
    for paths in c.a_ids.values():
        old = a.paths[paths[0]]
        if old.external or old.kind == "module":
            continue
        there = [p for p in paths if p in b.paths and b.paths[p].kind == old.kind]
        if there:
            new = b.paths[there[0]]
        elif any(p in b.paths for p in paths):
            continue  # the path stayed with another kind: reported as such, nothing to compare
        else:
            moved = [renamed[p] for p in paths if p in renamed]
            if not moved:
                continue
            new = b.paths[moved[0]]
        if new.external:
            continue
        rep = there[0] if there else paths[0]  # name it by a path both versions have, when there is one
        out += _compare(rep, old, new, rep in a.hidden)
    return out


def _compare(path: str, old: Item, new: Item, hidden: bool) -> list[Change]:
    out: list[Change] = []
    if old.sig != new.sig:
        out.append(Change("signature", path, f"{old.kind} `{path}`: signature changed", old=old.sig, new=new.sig))
    if old.kind == "struct":
        if not old.private_fields and new.private_fields:
            out.append(Change("signature", f"{path}::{{fields}}", f"`{path}` gained private fields: struct literals "
                              "and patterns without `..` break"))
        elif not old.private_fields and not new.non_exhaustive:
            for key, m in new.members.items():
                if m.kind == "field" and key not in old.members:
                    out.append(Change("signature", f"{path}::{m.name}", f"field `{m.name}` added to `{path}`, whose "
                                      "fields are all public: struct literals break", new=m.sig))
    if old.kind == "enum":
        if not old.non_exhaustive and new.non_exhaustive:
            out.append(Change("variant-added", f"{path}::{{non_exhaustive}}", f"`{path}` became #[non_exhaustive]: "
                              "exhaustive matches need a `_` arm"))
        elif not old.non_exhaustive:
            for key, m in new.members.items():
                if m.kind == "variant" and key not in old.members:
                    out.append(Change("variant-added", f"{path}::{m.name}", f"variant `{path}::{m.name}` added: "
                                      "exhaustive matches need an arm", new=m.sig or None))
    added = {k: m for k, m in new.members.items() if k not in old.members}
    for key, m in old.members.items():
        n = new.members.get(key)
        where = f"{path}::{m.name}"
        if n is None:
            if m.kind == "variant":
                out.append(Change("variant-removed", where, f"variant `{where}` removed"))
            elif m.kind == "field":
                out.append(Change("field-removed", where, f"field `{m.name}` of `{path}` removed", old=m.sig))
            else:
                # a rename: one added member with the same signature and a similar name
                twins = [x.name for x in added.values() if x.kind == m.kind and x.sig == m.sig
                         and difflib.SequenceMatcher(None, x.name, m.name).ratio() >= 0.5]
                hint = f"; renamed to `{twins[0]}`?" if len(twins) == 1 else ""
                out.append(Change("member-removed", where, f"{_member_kind(m.kind)} `{where}` removed{hint}",
                                  new_path=f"{path}::{twins[0]}" if len(twins) == 1 else None, old=m.sig))
            continue
        if _same_self(old, m.sig) != _same_self(new, n.sig):
            out.append(Change("signature", where, f"{_member_kind(m.kind)} `{where}`: signature changed",
                              old=m.sig, new=n.sig))
        if old.kind == "trait" and m.has_default and not n.has_default:
            out.append(Change("trait-item-added", where, f"`{where}` lost its default: every impl must define it"))
    if old.kind == "trait":
        for m in added.values():
            if not m.has_default:
                where = f"{path}::{m.name}"
                out.append(Change("trait-item-added", where, f"{_member_kind(m.kind)} `{where}` added without a "
                                  "default: every impl must define it", new=m.sig))
    for t in sorted(old.impls - new.impls):
        out.append(Change("impl-removed", f"{path}::{{impl {t}}}", f"`{path}` no longer implements `{t}`"))
    for ch in out:
        m = old.members.get(_member_key(old, ch.path[len(path) + 2:])) if ch.path != path else None
        ch.hidden = hidden or bool(m and m.hidden)
    return out


def _member_key(it: Item, name: str) -> str:
    for k in (name, f"variant {name}", f"field {name}"):
        if k in it.members:
            return k
    return name


_SELF = re.compile(r"\bSelf\b")


def _same_self(owner: Item, sig: str) -> str:
    """In an inherent impl `-> Self` and `-> Type` are the same type."""
    return sig if owner.kind == "trait" else _SELF.sub(owner.name, sig)


def _member_kind(kind: str) -> str:
    return {"method": "method", "assoc_type": "associated type", "assoc_const": "associated const"}.get(kind, kind)


def _features(fa: dict[str, list[str]], fb: dict[str, list[str]]) -> list[Change]:
    out = []
    added = sorted(set(fb) - set(fa))
    for name in sorted(set(fa) - set(fb)):
        close = difflib.get_close_matches(name, added, n=1, cutoff=0.5)
        same = [f for f in added if sorted(fb[f]) == sorted(fa[name]) and fa[name]]
        new = (same or close or [None])[0]
        hint = f"; renamed to `{new}`?" if new else ""
        out.append(Change("feature-removed", name, f"Cargo feature `{name}` removed{hint}", new_path=new))
    return out
