"""WIT text fixes shared by the guest (wit-bindgen) and host (wasmtime `bindgen!`) families.

What each wit-parser version rejects is in docs/versions/wit-parser-keywords.md:

* `map` is a keyword from wit-parser 0.244 (wit-bindgen 0.51, wasmtime 42): a bare `map`
  identifier must be written `%map`. `map<K, V>` is the new map type and is left alone.
* `float32`/`float64` as types: rejected by default since 0.218; the `WIT_REQUIRE_F32_F64=0`
  escape hatch is gone in 0.245 (wit-bindgen 0.53, wasmtime 43). Type uses become `f32`/`f64`.
* names that differ only in case: world import/export names conflict from 0.243; record fields,
  flags, enum/variant cases, interface items and resource methods from 0.261. Reported only.

Every function takes a ``WitContext`` and works on its token stream (comments and strings are
never looked at, `%name` tokens are never rewritten).
"""

from __future__ import annotations

from functools import lru_cache

from wasm_codemod.transform import WitContext
from wasm_codemod.wit import Token, block_end, may_differ_only_in_case, may_have_flags_over, significant_tokens

# keywords that may precede a name being defined
_DEF_KEYWORDS = {"record", "variant", "enum", "flags", "resource", "type", "interface", "world"}
_TYPE_DEF_KEYWORDS = {"record", "variant", "enum", "flags", "resource", "type"}


def _name(t: Token) -> str:
    return t.text[1:] if t.kind == "explicit" else t.text


# -- `map` -> `%map` -------------------------------------------------------------------------


def escape_map(ctx: WitContext) -> None:
    for unit in ctx.units:
        if b"map" not in unit.data:
            continue  # no token can be `map`: not lexed
        toks = unit.tokens()
        for i, t in enumerate(toks):
            if t.kind != "id" or t.text != "map":
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.text == "<":
                continue  # `map<K, V>`: the map type of wit-parser >= 0.244
            ctx.replace(unit, t.start, t.end, "%map")


# -- float32/float64 -> f32/f64 --------------------------------------------------------------

_FLOATS = {"float32": "f32", "float64": "f64"}


def _type_positions(toks: list[Token]) -> set[int]:
    """Indexes of tokens that stand where a type is expected."""
    out: set[int] = set()
    angle = 0
    stmt_start = 0  # index of the first token of the current statement
    paren_stack: list[bool] = []  # True: a variant case payload `case(T)`
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.text in (";", "{", "}"):
            stmt_start = i + 1
        if t.text == "<":
            angle += 1
        elif t.text == ">":
            angle = max(0, angle - 1)
        elif t.text == "(":
            payload = (prev is not None and prev.kind in ("id", "explicit")
                       and prev.text not in ("func", "constructor"))
            paren_stack.append(payload)
        elif t.text == ")":
            if paren_stack:
                paren_stack.pop()
        if t.kind != "id" or prev is None:
            continue
        first = toks[stmt_start].text if stmt_start < len(toks) else ""
        if first == "package" or (nxt is not None and nxt.text in ("/", "@")):
            continue  # package names: `ns:float32`, `use ns:float32/iface`
        if angle > 0 or prev.text == "->":
            out.add(i)
        elif prev.text == ":" and first not in ("use", "import", "export", "include"):
            out.add(i)
        elif prev.text == ":" and nxt is not None and nxt.text in (",", ")", ";", ">", "}"):
            out.add(i)  # `import f: func(x: float32)` inside an import statement
        elif prev.text == "=" and i >= 3 and toks[i - 3].text == "type":
            out.add(i)
        elif paren_stack and paren_stack[-1] and prev.text == "(":
            out.add(i)
    return out


def _defined_names(toks: list[Token]) -> set[str]:
    """Type names the file defines or imports with `use` (a user type called `float32`)."""
    names: set[str] = set()
    in_use_list = False
    for i, t in enumerate(toks):
        if t.kind == "id" and t.text in _TYPE_DEF_KEYWORDS and i + 1 < len(toks):
            n = toks[i + 1]
            if n.kind in ("id", "explicit"):
                names.add(_name(n))
        if t.text == ".{" or (t.text == "{" and i > 0 and toks[i - 1].text == "."):
            in_use_list = True
        elif in_use_list and t.text == "}":
            in_use_list = False
        elif in_use_list and t.kind in ("id", "explicit"):
            names.add(_name(t))
    return names


@lru_cache(maxsize=512)
def _float_sites(data: bytes) -> tuple[frozenset[str], tuple[int, ...]]:
    """(float names the file defines, sorted type positions): once per content, as every step that
    runs float_types asks of every file."""
    toks = list(significant_tokens(data))
    return frozenset(_defined_names(toks) & set(_FLOATS)), tuple(sorted(_type_positions(toks)))


def float_types(ctx: WitContext) -> None:
    for unit in ctx.units:
        if b"float32" not in unit.data and b"float64" not in unit.data:
            continue  # nothing to rewrite or report: not lexed
        toks = unit.tokens()
        defined, positions = _float_sites(unit.data)
        for i in positions:
            t = toks[i]
            if t.text not in _FLOATS:
                continue
            if t.text in defined:
                ctx.report(unit, t.start, f"`{t.text}` is used as a type and this file also defines or imports "
                           f"a type named `{t.text}`: if it means the float type write "
                           f"`{_FLOATS[t.text]}`, else rename the type", "manual")
                continue
            ctx.replace(unit, t.start, t.end, _FLOATS[t.text])


# -- names that differ only in case ----------------------------------------------------------


@lru_cache(maxsize=512)
def _blocks_of(data: bytes) -> tuple[tuple[str, str, int, int, tuple[int, ...]], ...]:
    """``_blocks`` of the file's tokens, each with its ``_top_level`` indexes: once per content."""
    toks = list(significant_tokens(data))
    return tuple((kw, name, s, e, tuple(_top_level(toks, s, e))) for kw, name, s, e in _blocks(toks))


def _blocks(toks: list[Token]) -> list[tuple[str, str, int, int]]:
    """(keyword, name, index of `{`, index of the matching `}`) for every braced definition."""
    out = []
    for i, t in enumerate(toks):
        if t.kind == "id" and t.text in ("world", "interface", "record", "flags", "enum", "variant", "resource"):
            if i + 2 < len(toks) and toks[i + 1].kind in ("id", "explicit") and toks[i + 2].text == "{":
                # `export foo: interface {` has `:` before `interface`, no name after it
                end = _matching(toks, i + 2)
                if end is not None:
                    out.append((t.text, _name(toks[i + 1]), i + 2, end))
    return out


def _matching(toks: list[Token], open_i: int) -> int | None:
    return block_end(toks, open_i)


def _top_level(toks: list[Token], start: int, end: int) -> list[int]:
    """Indexes of tokens directly inside the braces ``start``..``end`` (depth 1; parens too)."""
    out = []
    depth = 0
    for j in range(start + 1, end):
        tx = toks[j].text
        if tx in ("{", "(", "<"):
            if depth == 0 and tx == "{":
                out.append(j)  # keep braces at depth 0 as statement boundaries
            depth += 1
        elif tx in ("}", ")", ">"):
            depth -= 1
            if depth == 0 and tx == "}":
                out.append(j)
        elif depth == 0:
            out.append(j)
    return out


def _stmt_names(toks: list[Token], idx: list[int]) -> list[tuple[str, Token]]:
    """(statement keyword, name token) for the items of an interface/world body."""
    out = []
    at_start = True
    for k, j in enumerate(idx):
        t = toks[j]
        if at_start:
            kw = t.text
            if kw in ("import", "export"):
                n = toks[idx[k + 1]] if k + 1 < len(idx) else None
                after = toks[idx[k + 2]] if k + 2 < len(idx) else None
                if n is not None and n.kind in ("id", "explicit") and after is not None and after.text == ":":
                    out.append((kw, n))
            elif kw in _TYPE_DEF_KEYWORDS:
                n = toks[idx[k + 1]] if k + 1 < len(idx) else None
                if n is not None and n.kind in ("id", "explicit"):
                    out.append(("import", n))  # world types are imports
            elif t.kind in ("id", "explicit") and k + 1 < len(idx) and toks[idx[k + 1]].text == ":":
                out.append(("item", t))  # `name: func(...)` in an interface
            at_start = False
        if t.text in (";", "}"):
            at_start = True
        if t.text == "{":
            at_start = True
    return out


def _dupes(ctx: WitContext, unit, names: list[Token], what: str, where: str, since: str) -> None:
    seen: dict[str, Token] = {}
    for n in names:
        key = _name(n).lower()
        prev = seen.get(key)
        if prev is not None and _name(prev) != _name(n):
            ctx.report(unit, n.start, f"{what} `{_name(n)}` differs from `{_name(prev)}` (line "
                       f"{unit.line_of(prev.start)}) only in case in {where}; wit-parser {since}+ rejects "
                       f"this: rename one of them (this changes the interface)", "manual")
        seen.setdefault(key, n)


def world_case_names(ctx: WitContext) -> None:
    """wit-parser 0.243: world import names, and export names, must differ in more than case."""
    for unit in ctx.units:
        if b"world" not in unit.data or not may_differ_only_in_case(unit.data):
            continue  # no world, or no two words differing only in case: not lexed
        toks = unit.tokens()
        for kw, name, _s, _e, top in _blocks_of(unit.data):
            if kw != "world":
                continue
            items = _stmt_names(toks, list(top))
            for side in ("import", "export"):
                _dupes(ctx, unit, [n for k, n in items if k == side], f"{side}", f"world `{name}`", "0.243")


def strong_names(ctx: WitContext) -> None:
    """wit-parser 0.261: fields, flags, cases, interface items and methods must be strongly unique;
    `flags` has at most 32 members."""
    for unit in ctx.units:
        if not may_have_flags_over(unit.data, 32) and not may_differ_only_in_case(unit.data):
            continue  # no flags block that long and no two words differing only in case: not lexed
        toks = unit.tokens()
        for kw, name, _s, _e, top in _blocks_of(unit.data):
            idx = list(top)
            if kw in ("record", "flags", "enum", "variant"):
                members = []
                expect = True
                for j in idx:
                    t = toks[j]
                    if expect and t.kind in ("id", "explicit"):
                        members.append(t)
                        expect = False
                    elif t.text == ",":
                        expect = True
                what = {"record": "field", "flags": "flag", "enum": "case", "variant": "case"}[kw]
                _dupes(ctx, unit, members, what, f"{kw} `{name}`", "0.261")
                if kw == "flags" and len(members) > 32:
                    ctx.report(unit, members[32].start, f"flags `{name}` has {len(members)} members; wit-parser "
                               f"0.261+ allows at most 32: split it (this changes the interface)", "manual")
            elif kw == "interface":
                items = _stmt_names(toks, idx)
                _dupes(ctx, unit, [n for _, n in items], "name", f"interface `{name}`", "0.261")
            elif kw == "resource":
                methods = [n for k, n in _stmt_names(toks, idx) if k == "item"]
                _dupes(ctx, unit, methods, "method", f"resource `{name}`", "0.261")
