"""One crate's public API as seen in its rustdoc JSON: importable paths, members, signatures.

Only what a downstream crate can name is kept: items reachable from the crate root through
public modules and `pub use` re-exports (globs included). The JSON is built with
`--document-hidden-items`; a path through a `#[doc(hidden)]` item or re-export is kept and
listed in ``Surface.hidden`` (members carry their own flag).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# rustc 1.95's rustdoc writes format 57; the shapes read below were checked against it.
SUPPORTED_FORMATS = frozenset({57})

# top-level item kinds that carry paths; members (methods, variants, fields) hang off these
PATH_KINDS = frozenset({"module", "struct", "enum", "union", "trait", "trait_alias", "function", "type_alias",
                        "constant", "static", "macro", "proc_macro", "primitive"})
MACRO_KINDS = frozenset({"macro", "proc_macro", "proc_derive", "proc_attribute"})
# crates whose items are the same thing under different names across versions
_CRATE_ALIASES = {"core": "std", "alloc": "std"}
# crates published together, whose items move between each other behind stable re-exports
_FAMILY_CRATES = ("wasmtime", "wiggle", "wasi_common", "cranelift", "wit_bindgen", "wit_parser")
# trait impls whose removal breaks callers (derives, conversions, auto traits)
WATCHED_IMPLS = frozenset({"Clone", "Copy", "Debug", "Default", "PartialEq", "Eq", "Hash", "PartialOrd", "Ord",
                           "Send", "Sync", "Display", "Error", "Unpin", "IntoIterator", "Iterator", "Future",
                           "Deref", "DerefMut", "AsRef", "AsMut", "FromStr"})


class FormatError(ValueError):
    pass


def _two_args(a: Any) -> bool:
    return bool(a) and "angle_bracketed" in a and sum("type" in x for x in a["angle_bracketed"].get("args", [])) == 2


def _key(prefix: str, name: str, kind: str) -> str:
    """Macros live in their own namespace (`ComponentType` the trait and the derive): `path!`."""
    return f"{prefix}::{name}!" if kind in MACRO_KINDS else f"{prefix}::{name}"


def _is_hidden(raw: dict[str, Any]) -> bool:
    return any("doc(hidden)" in (a if isinstance(a, str) else json.dumps(a)) for a in raw.get("attrs") or ())


@dataclass
class Member:
    """A method, associated item, variant or field of a type or trait."""

    name: str
    kind: str  # method | assoc_type | assoc_const | variant | field
    sig: str
    has_default: bool = False  # trait items: provided (has a body / default)
    hidden: bool = False  # #[doc(hidden)]


@dataclass
class Item:
    id: int
    name: str
    kind: str
    sig: str = ""  # functions: signature; types/traits: generics and bounds; aliases: target
    members: dict[str, Member] = field(default_factory=dict)  # name -> member (kind-prefixed for variants/fields)
    non_exhaustive: bool = False
    private_fields: bool = False  # struct with fields you cannot name (no struct literal outside)
    impls: frozenset[str] = frozenset()  # watched trait impls this type has
    external: bool = False  # re-export of another crate's item that rustdoc did not inline
    home: str = ""  # the crate whose JSON this item came from (ids are per JSON file)

    @property
    def ident(self) -> tuple[str, int]:
        return (self.home, self.id)


@dataclass
class Surface:
    crate: str
    version: str
    format_version: int
    paths: dict[str, Item]  # every importable path -> its item (an item can have several paths)
    hidden: set[str] = field(default_factory=set)  # paths that go through a #[doc(hidden)] item
    # `pub use other_crate::module::*` under a prefix: (prefix, origin module path, hidden)
    ext_globs: list[tuple[str, str, bool]] = field(default_factory=list)

    def by_id(self) -> dict[tuple[str, int], list[str]]:
        out: dict[tuple[str, int], list[str]] = {}
        for p, it in self.paths.items():
            out.setdefault(it.ident, []).append(p)
        for ps in out.values():
            ps.sort(key=lambda p: (p.count("::"), p))
        return out


def load(path: Path) -> Surface:
    return read(json.loads(Path(path).read_text("utf-8")))


def read(doc: dict[str, Any]) -> Surface:
    fmt = doc.get("format_version")
    if fmt not in SUPPORTED_FORMATS:
        raise FormatError(f"rustdoc JSON format_version {fmt} (this reader knows {sorted(SUPPORTED_FORMATS)})")
    return _Reader(doc).surface()


class _Reader:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.index: dict[str, Any] = doc["index"]
        self.paths: dict[str, Any] = doc["paths"]
        self.crates = {int(k): v["name"] for k, v in doc.get("external_crates", {}).items()}
        root = self.index[str(doc["root"])]
        self.crate = root["name"]
        self.crates[0] = self.crate
        self.root_id = doc["root"]
        self.version = doc.get("crate_version") or ""
        self.format = doc["format_version"]
        self.items: dict[int, Item] = {}
        self.hidden: set[str] = set()
        self.ext_globs: list[tuple[str, str, bool]] = []

    def surface(self) -> Surface:
        out: dict[str, Item] = {}
        self._walk(self.root_id, self.crate, out, set(), 0, False)
        return Surface(self.crate, self.version, self.format, out, self.hidden, self.ext_globs)

    # -- the path walk ------------------------------------------------------------------
    def _walk(self, mod_id: int, prefix: str, out: dict[str, Item], seen: set[tuple[int, str]], depth: int,
              hidden: bool) -> None:
        if (mod_id, prefix) in seen or depth > 12:
            return
        seen.add((mod_id, prefix))
        mod = self.index.get(str(mod_id))
        if mod is None:
            return
        inner = mod["inner"]
        children = inner["module"]["items"] if "module" in inner else inner.get("enum", {}).get("variants", [])
        for cid in children:
            child = self.index.get(str(cid))
            if child is None:
                continue
            kind, body = next(iter(child["inner"].items()))
            h = hidden or _is_hidden(child)
            if kind == "use":
                self._use(body, prefix, out, seen, depth, h)
            elif kind in PATH_KINDS and child.get("name"):
                self._add(cid, _key(prefix, child["name"], kind), out, seen, depth, h)

    def _use(self, u: dict[str, Any], prefix: str, out: dict[str, Item], seen: set[tuple[int, str]],
             depth: int, hidden: bool) -> None:
        target = u.get("id")
        if u.get("is_glob"):
            if target is not None and str(target) in self.index:
                self._walk(target, prefix, out, seen, depth + 1, hidden)
            elif target is not None and str(target) in self.paths:
                self.ext_globs.append((prefix, "::".join(self.paths[str(target)]["path"]), hidden))
            return
        if target is None:
            return  # a re-export of something rustdoc could not resolve (e.g. a primitive)
        if str(target) in self.index:
            kind = next(iter(self.index[str(target)]["inner"]))
            path = _key(prefix, u["name"], kind)
            if kind in PATH_KINDS:
                self._add(target, path, out, seen, depth + 1, hidden or _is_hidden(self.index[str(target)]))
            return
        summary = self.paths.get(str(target))
        path = _key(prefix, u["name"], summary["kind"] if summary else "")
        if summary is not None and path not in out:
            # another crate's item, not inlined: we know its name and kind, not its members
            out[path] = Item(int(target), u["name"], summary["kind"], sig="::".join(summary["path"]), external=True,
                             home=self.crate)
            if hidden:
                self.hidden.add(path)

    def _add(self, item_id: int, path: str, out: dict[str, Item], seen: set[tuple[int, str]], depth: int,
             hidden: bool) -> None:
        if path in out:
            if not hidden:
                self.hidden.discard(path)  # reachable both ways: the visible way counts
            return
        item = self._item(item_id)
        out[path] = item
        if hidden:
            self.hidden.add(path)
        if item.kind == "module":
            self._walk(item_id, path, out, seen, depth + 1, hidden)

    # -- items ----------------------------------------------------------------------------
    def _item(self, item_id: int) -> Item:
        if item_id in self.items:
            return self.items[item_id]
        raw = self.index[str(item_id)]
        kind, body = next(iter(raw["inner"].items()))
        it = Item(item_id, raw["name"], kind, home=self.crate)
        self.items[item_id] = it
        attrs = raw.get("attrs") or []
        it.non_exhaustive = any(a == "non_exhaustive" or (isinstance(a, str) and "non_exhaustive" in a)
                                or (isinstance(a, dict) and "non_exhaustive" in json.dumps(a)) for a in attrs)
        if kind == "function":
            it.sig = self.fn_sig(body)
        elif kind in ("struct", "enum", "union"):
            it.sig = self.generics(body["generics"])
            self._type_members(it, body)
        elif kind == "trait":
            bounds = " + ".join(self.bound(b) for b in body.get("bounds", []))
            flags = ("unsafe " if body.get("is_unsafe") else "")
            it.sig = f"{flags}trait{self.generics(body['generics'])}" + (f": {bounds}" if bounds else "")
            for mid in body.get("items", []):
                m = self._member(mid)
                if m is not None:
                    it.members[m.name] = m
        elif kind == "type_alias":
            it.sig = f"{self.generics(body['generics'])} = {self.ty(body['type'])}"
        elif kind in ("constant", "static"):
            it.sig = self.ty(body.get("type"))
        return it

    def _type_members(self, it: Item, body: dict[str, Any]) -> None:
        if it.kind == "struct":
            sk = body["kind"]
            if isinstance(sk, dict) and "plain" in sk:
                fields = sk["plain"]["fields"]
                it.private_fields = bool(sk["plain"].get("has_stripped_fields"))
            elif isinstance(sk, dict) and "tuple" in sk:
                fields = [f for f in sk["tuple"] if f is not None]
                it.private_fields = any(f is None for f in sk["tuple"])
            else:
                fields = []
            for fid in fields:
                f = self.index.get(str(fid))
                if f is not None:
                    it.members[f"field {f['name']}"] = Member(f["name"], "field", self.ty(f["inner"]["struct_field"]),
                                                              hidden=_is_hidden(f))
        elif it.kind == "union":
            it.private_fields = bool(body.get("has_stripped_fields"))
        elif it.kind == "enum":
            for vid in body["variants"]:
                v = self.index.get(str(vid))
                if v is not None:
                    shape = self.variant(v["inner"]["variant"])
                    it.members[f"variant {v['name']}"] = Member(v["name"], "variant", shape, hidden=_is_hidden(v))
        impls = set()
        for iid in body.get("impls", []):
            imp = self.index.get(str(iid), {}).get("inner", {}).get("impl")
            if imp is None:
                continue
            if imp.get("trait") is None:
                for mid in imp["items"]:
                    m = self._member(mid)
                    if m is not None:
                        it.members.setdefault(m.name, m)
            elif not imp.get("is_negative") and not imp.get("blanket_impl"):
                name = imp["trait"]["path"].rsplit("::", 1)[-1]
                if name in WATCHED_IMPLS:
                    impls.add(name)
        it.impls = frozenset(impls)

    def _member(self, mid: int) -> Member | None:
        m = self.index.get(str(mid))
        if m is None or not m.get("name"):
            return None
        kind, body = next(iter(m["inner"].items()))
        h = _is_hidden(m)
        if kind == "function":
            return Member(m["name"], "method", self.fn_sig(body), bool(body.get("has_body")), h)
        if kind == "assoc_type":
            bounds = " + ".join(self.bound(b) for b in body.get("bounds", []))
            return Member(m["name"], "assoc_type", f"{self.generics(body['generics'])}: {bounds}",
                          body.get("type") is not None, h)
        if kind == "assoc_const":
            return Member(m["name"], "assoc_const", self.ty(body.get("type")), body.get("value") is not None, h)
        return None

    # -- rendering (the comparison key: names, not spans; lifetimes left out) --------------
    def fn_sig(self, f: dict[str, Any]) -> str:
        h = f.get("header", {})
        quals = "".join(q for q, on in (("const ", h.get("is_const")), ("async ", h.get("is_async")),
                                        ("unsafe ", h.get("is_unsafe"))) if on)
        sig = f["sig"]
        args = ", ".join(self._arg(n, t) for n, t in sig["inputs"])
        out = f" -> {self.ty(sig['output'])}" if sig.get("output") is not None else ""
        return f"{quals}fn{self.generics(f['generics'])}({args}){out}{self.where(f['generics'])}"

    def _arg(self, name: str, t: Any) -> str:
        return f"self: {self.ty(t)}" if name == "self" else self.ty(t)

    def generics(self, g: dict[str, Any]) -> str:
        ps = []
        for p in g.get("params", []):
            k = p["kind"]
            if "type" in k:
                if k["type"].get("is_synthetic"):
                    continue  # `impl Trait` argument; rendered in place
                b = " + ".join(self.bound(x) for x in k["type"].get("bounds", []) if self.bound(x))
                d = f" = {self.ty(k['type']['default'])}" if k["type"].get("default") is not None else ""
                ps.append(f"{p['name']}{': ' + b if b else ''}{d}")
            elif "const" in k:
                ps.append(f"const {p['name']}: {self.ty(k['const']['type'])}")
        return f"<{', '.join(ps)}>" if ps else ""

    def where(self, g: dict[str, Any]) -> str:
        preds = []
        for w in g.get("where_predicates", []):
            if "bound_predicate" in w:
                bp = w["bound_predicate"]
                b = " + ".join(x for x in (self.bound(y) for y in bp["bounds"]) if x)
                if b:
                    preds.append(f"{self.ty(bp['type'])}: {b}")
            elif "eq_predicate" in w:
                preds.append(f"{self.ty(w['eq_predicate']['lhs'])} = {json.dumps(w['eq_predicate']['rhs'])}")
        return f" where {', '.join(preds)}" if preds else ""

    def bound(self, b: Any) -> str:
        if isinstance(b, dict) and "trait_bound" in b:
            tb = b["trait_bound"]
            mod = {"maybe": "?", "maybe_const": "~const "}.get(tb.get("modifier") or "", "")
            return mod + self._path(tb["trait"])
        if isinstance(b, dict) and "outlives" in b:
            return "'static" if b["outlives"] == "'static" else ""
        return ""

    def _path(self, p: dict[str, Any]) -> str:
        name = self._name(p.get("id"), p.get("path", ""))
        args = self.args(p.get("args"))
        if name.endswith("Result") and _two_args(p.get("args")):
            name = "std::Result"  # `anyhow::Result<T, E>` / `wasmtime::Result<T, E>` are `core::result::Result<T, E>`
        return name + args

    def _name(self, item_id: Any, written: str) -> str:
        """`crate::Name` (defining crate, last segment): moves inside a crate compare equal."""
        last = written.rsplit("::", 1)[-1]
        summary = self.paths.get(str(item_id)) if item_id is not None else None
        if summary is None:
            return last
        crate = self.crates.get(summary["crate_id"], "?")
        if crate.startswith(_FAMILY_CRATES):
            # moving between the family's crates (wasmtime_wasi -> wasmtime_wasi_io) is invisible where the
            # old path is still re-exported; where it is not, the path entry says so
            return summary["path"][-1]
        return f"{_CRATE_ALIASES.get(crate, crate)}::{summary['path'][-1]}"

    def args(self, a: Any) -> str:
        if not a:
            return ""
        if "angle_bracketed" in a:
            ab = a["angle_bracketed"]
            parts = []
            for x in ab.get("args", []):
                if "type" in x:
                    parts.append(self.ty(x["type"]))
                elif "const" in x:
                    parts.append(str(x["const"].get("expr")))
            for c in ab.get("constraints", []):
                bind = c.get("binding", {})
                if "equality" in bind:
                    eq = bind["equality"]
                    parts.append(f"{c['name']} = {self.ty(eq['type']) if 'type' in eq else eq}")
                elif "constraint" in bind:
                    parts.append(f"{c['name']}: {' + '.join(self.bound(b) for b in bind['constraint'])}")
            return f"<{', '.join(parts)}>" if parts else ""
        if "parenthesized" in a:
            pa = a["parenthesized"]
            out = f" -> {self.ty(pa['output'])}" if pa.get("output") is not None else ""
            return f"({', '.join(self.ty(t) for t in pa['inputs'])}){out}"
        return ""

    def ty(self, t: Any) -> str:
        if t is None:
            return "()"
        if not isinstance(t, dict):
            return str(t)
        k, v = next(iter(t.items()))
        if k == "resolved_path":
            return self._path(v)
        if k in ("generic", "primitive"):
            return v
        if k == "borrowed_ref":
            return f"&{'mut ' if v['is_mutable'] else ''}{self.ty(v['type'])}"
        if k == "raw_pointer":
            return f"*{'mut' if v['is_mutable'] else 'const'} {self.ty(v['type'])}"
        if k == "tuple":
            return f"({', '.join(self.ty(x) for x in v)})"
        if k == "slice":
            return f"[{self.ty(v)}]"
        if k == "array":
            return f"[{self.ty(v['type'])}; {v['len']}]"
        if k == "impl_trait":
            return "impl " + " + ".join(x for x in (self.bound(b) for b in v) if x)
        if k == "dyn_trait":
            return "dyn " + " + ".join(self._path(x["trait"]) for x in v["traits"])
        if k == "qualified_path":
            tr = self._path(v["trait"]) if v.get("trait") else ""
            return f"<{self.ty(v['self_type'])}{' as ' + tr if tr else ''}>::{v['name']}{self.args(v.get('args'))}"
        if k == "function_pointer":
            sig = v["sig"]
            out = f" -> {self.ty(sig['output'])}" if sig.get("output") is not None else ""
            return f"fn({', '.join(self.ty(x[1]) for x in sig['inputs'])}){out}"
        if k == "infer":
            return "_"
        if k == "pat":
            return self.ty(v.get("type"))
        return k

    def variant(self, v: dict[str, Any]) -> str:
        kind = v["kind"]
        if kind == "plain":
            return ""
        if "tuple" in kind:
            return "(" + ", ".join(self._field(f) if f is not None else "_" for f in kind["tuple"]) + ")"
        if "struct" in kind:
            fs = [self.index.get(str(f)) for f in kind["struct"]["fields"]]
            body = ", ".join(f"{f['name']}: {self.ty(f['inner']['struct_field'])}" for f in fs if f)
            return "{" + body + (", .." if kind["struct"].get("has_stripped_fields") else "") + "}"
        return ""

    def _field(self, fid: int) -> str:
        f = self.index.get(str(fid))
        return self.ty(f["inner"]["struct_field"]) if f else "_"


def resolve_externals(s: Surface, siblings: list[Surface]) -> int:
    """Replace re-exports of a sibling crate's items (not inlined by rustdoc) with the sibling's item.

    `wasmtime_wasi::InputStream` is `wasmtime_wasi_io::streams::InputStream`: with wasmtime-wasi-io's
    surface at hand its members become comparable, and a re-exported module (or a glob over one)
    brings its contents. Returns how many paths were resolved.
    """
    by_crate = {sib.crate: sib for sib in siblings}
    n = 0
    for p, it in list(s.paths.items()):
        sib = by_crate.get(it.sig.split("::", 1)[0]) if it.external else None
        if sib is None:
            continue
        src = _find(sib, it.sig + ("!" if it.kind in MACRO_KINDS else ""), it.name, it.kind)
        if src is None:
            continue
        s.paths[p] = sib.paths[src]
        n += 1
        if it.kind == "module":
            n += _copy_under(s, sib, src, p, p in s.hidden)
    for prefix, origin, hidden in s.ext_globs:
        sib = by_crate.get(origin.split("::", 1)[0])
        src = _find(sib, origin, origin.rsplit("::", 1)[-1], "module") if sib else None
        if sib is not None and src is not None:
            n += _copy_under(s, sib, src, prefix, hidden, glob=True)
    return n


def _find(sib: Surface, origin: str, name: str, kind: str) -> str | None:
    """The sibling's path for an item defined at ``origin`` (often a private module path)."""
    hit = sib.paths.get(origin)
    if hit is not None and not hit.external and hit.kind == kind:
        return origin
    same = {}
    for q, it in sib.paths.items():
        if it.name == name and it.kind == kind and not it.external:
            same.setdefault(it.ident, q)
    return next(iter(same.values())) if len(same) == 1 else None


def _copy_under(s: Surface, sib: Surface, src: str, dest: str, hidden: bool, glob: bool = False) -> int:
    n = 0
    pre = src + "::"
    for q, sub in sib.paths.items():
        if not q.startswith(pre) or (glob and "::" in q[len(pre):] and False):
            continue
        target = (dest + "::" + q[len(pre):])
        if target not in s.paths:
            s.paths[target] = sub
            n += 1
            if hidden or q in sib.hidden:
                s.hidden.add(target)
    return n
