"""Cargo.toml reading and editing through tomlkit (comments and layout kept)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import tomli as tomllib  # the parser discover.py reads manifests with
import tomlkit
from tomlkit.items import Array, InlineTable, String, Table

DEP_TABLES = ("dependencies", "dev-dependencies", "build-dependencies")


@dataclass
class DepRef:
    """One dependency entry: where it sits and what it says."""

    table: str  # e.g. "dependencies", "target.'cfg(unix)'.dependencies", "workspace.dependencies"
    key: str
    container: Any  # the table holding the entry
    name: str  # crate name (honours `package = ...` renames)
    path: tuple[str, ...] = ()  # keys of ``container`` from the top of the manifest

    @property
    def requirement_path(self) -> tuple[str, ...]:
        """Keys of the version string: the entry itself (`x = "29"`) or its `version`."""
        return (*self.path, self.key) if isinstance(self.item, str) else (*self.path, self.key, "version")

    @property
    def item(self) -> Any:
        return self.container[self.key]

    @property
    def workspace(self) -> bool:
        item = self.item
        return isinstance(item, (dict, InlineTable, Table)) and bool(item.get("workspace"))

    @property
    def requirement(self) -> str | None:
        item = self.item
        if isinstance(item, str):
            return str(item)
        if isinstance(item, (dict, InlineTable, Table)):
            v = item.get("version")
            return str(v) if v is not None else None
        return None

    @property
    def is_git_or_path(self) -> bool:
        item = self.item
        return isinstance(item, (dict, InlineTable, Table)) and any(k in item for k in ("git", "path"))

    def set_requirement(self, req: str) -> None:
        item = self.item
        if isinstance(item, str):
            self.container[self.key] = _like(item, req)
        else:
            item["version"] = _like(item.get("version"), req)

    def features(self) -> Array | None:
        item = self.item
        if isinstance(item, (dict, InlineTable, Table)):
            f = item.get("features")
            if isinstance(f, Array):
                return f
        return None


def _like(old: Any, new: str) -> Any:
    s = tomlkit.string(new)
    if isinstance(old, String):
        s = tomlkit.string(new, literal=old.type.name in ("SLL", "MLL"))
        s.trivia.comment = old.trivia.comment
        s.trivia.comment_ws = old.trivia.comment_ws
        s.trivia.trail = old.trivia.trail
        s.trivia.indent = old.trivia.indent
    return s


def iter_deps(doc: Any) -> Iterator[DepRef]:
    """Every dependency entry of a manifest: a tomlkit document or the plain dict of a fast parse."""
    def from_table(label: str, tbl: Any, path: tuple[str, ...]) -> Iterator[DepRef]:
        if not isinstance(tbl, (dict, Table, InlineTable)):
            return
        for key in list(tbl.keys()):
            item = tbl[key]
            name = key
            if isinstance(item, (dict, Table, InlineTable)) and "package" in item:
                name = str(item["package"])
            yield DepRef(label, key, tbl, name, path)

    for t in DEP_TABLES:
        if t in doc:
            yield from from_table(t, doc[t], (t,))
    ws = doc.get("workspace")
    if isinstance(ws, (dict, Table)) and "dependencies" in ws:
        yield from from_table("workspace.dependencies", ws["dependencies"], ("workspace", "dependencies"))
    target = doc.get("target")
    if isinstance(target, (dict, Table)):
        for cfg, body in target.items():
            for t in DEP_TABLES:
                if isinstance(body, (dict, Table)) and t in body:
                    yield from from_table(f"target.{cfg}.{t}", body[t], ("target", str(cfg), t))


def live_dep(doc: Any, dep: DepRef) -> DepRef:
    """``dep`` (found in any view of the manifest) as an entry of ``doc``, for editing."""
    container = doc
    for k in dep.path:
        container = container[k]
    return DepRef(dep.table, dep.key, container, dep.name, dep.path)


# -- text edits of version strings ---------------------------------------------------------
# The common manifest edit is one requirement string (`wasmtime = "29"` -> `"50"`). Building a
# tomlkit document for it costs a parse and a dump of the whole file; editing the string's span in
# the text keeps everything else byte for byte. Each edit is checked by parsing the result: it must
# equal the old data with exactly that value changed, else the caller falls back to tomlkit.
_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\\\n]*"|'[^'\n]*')"""
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_HEADER = re.compile(rf"[ \t]*\[[ \t]*({_DOTTED})[ \t]*\][ \t]*(?:#.*)?\r?$")
_ASSIGN = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=[ \t]*")
_INLINE_KEY = re.compile(rf"[{{,][ \t]*({_DOTTED})[ \t]*=[ \t]*")
_STRING = re.compile(r"""("(?!"")[^"\\\n]*"|'(?!'')[^'\n]*')""")
_PLAIN = re.compile(r"[A-Za-z0-9.^~=<>*, +_-]*")  # needs no escape in either quote style


def _keys(dotted: str) -> tuple[str, ...]:
    return tuple(k[1:-1] if k[0] in "\"'" else k for k in re.findall(_KEY, dotted))


def _assignments(text: str) -> Iterator[tuple[int, str, tuple[str, ...], int]]:
    """(line start, line, full key path, end of `key = `) of each `key = value` line under a table
    header (not in an array of tables)."""
    header: tuple[str, ...] | None = ()
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.lstrip().startswith("[["):
            header = None  # an array of tables: never a dependency table
            continue
        h = _HEADER.match(line)
        if h:
            header = _keys(h.group(1))
            continue
        a = _ASSIGN.match(line)
        if header is not None and a:
            yield start, line, header + _keys(a.group(1)), a.end()


def _string_spans(text: str, path: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Candidate (start, end) of the contents of the single-line string at ``path``: `key = "v"`
    under its table header, a dotted key, or `version = "v"` in a one-line inline table."""
    for start, line, keys, at in _assignments(text):
        if keys == path:
            s = _STRING.match(line, at)
            if s:
                yield start + s.start() + 1, start + s.end() - 1
        elif keys == path[:-1] and line.startswith("{", at):
            for k in _INLINE_KEY.finditer(line, at):
                if _keys(k.group(1)) == path[-1:]:
                    s = _STRING.match(line, k.end())
                    if s:
                        yield start + s.start() + 1, start + s.end() - 1


def _inline_table_ends(text: str, path: tuple[str, ...]) -> Iterator[int]:
    """Where a new `, key = value` goes in the one-line inline table at ``path``: just after its last
    entry (the `}` closes it on the same line; strings may hold braces)."""
    for start, line, keys, at in _assignments(text):
        if keys != path or not line.startswith("{", at):
            continue
        quote, depth, i = "", 0, at
        while i < len(line):
            c = line[i]
            if quote:
                if c == "\\" and quote == '"':
                    i += 1
                elif c == quote:
                    quote = ""
            elif c in "\"'":
                quote = c
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    body = line[at + 1:i].rstrip()
                    if body.strip():
                        yield start + at + 1 + len(body)
                    break
            i += 1


def _toml_value(value: object) -> str | None:
    """``value`` written as TOML, for the plain values the text edits write (None: anything else)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if _PLAIN.fullmatch(value) else None
    if isinstance(value, list) and all(isinstance(v, str) and _PLAIN.fullmatch(v) for v in value):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return None


def _added(d: Any, path: tuple[str, ...], key: str, value: object) -> dict | None:
    """A copy of ``d`` with ``key = value`` added to the table at ``path`` (None: no table there, or
    it has ``key`` already)."""
    if not isinstance(d, dict):
        return None
    if not path:
        return None if key in d else {**d, key: value}
    if path[0] not in d:
        return None
    sub = _added(d[path[0]], path[1:], key, value)
    return None if sub is None else {**d, path[0]: sub}


def edit_add_key(text: str, data: dict, path: tuple[str, ...], key: str, value: object) -> tuple[str, dict] | None:
    """(new text, its data) with ``key = value`` appended to the one-line inline table at ``path``
    (`dep = { version = "1" }` -> `dep = { version = "1", key = value }`, as tomlkit writes it), or
    None when the text edit cannot be made and checked (the caller edits a tomlkit document then)."""
    written = _toml_value(value)
    if not path or written is None or not re.fullmatch(r"[A-Za-z0-9_-]+", key):
        return None
    expected = _added(data, path, key, value)
    if expected is None:
        return None
    for at in _inline_table_ends(text, path):
        new = f"{text[:at]}, {key} = {written}{text[at:]}"
        try:
            got = tomllib.loads(new)
        except tomllib.TOMLDecodeError:
            continue
        if got == expected:
            return new, got
    return None


def _replaced(d: Any, path: tuple[str, ...], value: str) -> dict | None:
    """A copy of ``d`` with the string at ``path`` set to ``value`` (None: no string there)."""
    if not isinstance(d, dict) or path[0] not in d:
        return None
    if len(path) == 1:
        sub: Any = value if isinstance(d[path[0]], str) else None
    else:
        sub = _replaced(d[path[0]], path[1:], value)
    if sub is None:
        return None
    out = dict(d)
    out[path[0]] = sub
    return out


def edit_string(text: str, data: dict, path: tuple[str, ...], value: str) -> tuple[str, dict] | None:
    """(new text, its data) with the string at ``path`` set to ``value``, or None when the text
    edit cannot be made and checked (the caller edits a tomlkit document then)."""
    if not path or not _PLAIN.fullmatch(value):
        return None
    expected = _replaced(data, path, value)
    if expected is None:
        return None
    for a, b in _string_spans(text, path):
        new = text[:a] + value + text[b:]
        try:
            got = tomllib.loads(new)
        except tomllib.TOMLDecodeError:
            continue
        if got == expected:
            return new, got
    return None


def bump_requirement(old: str, new_line: str, newest_patch: str | None) -> str:
    """Rewrite a requirement to ``new_line`` keeping its style: "29"->"36", "=29.0.1"->"=36.0.14"."""
    old = old.strip()
    if "," in old or old.startswith(("<", ">")):
        # a range: pin the new line with a caret requirement (reported for review by the caller)
        return newest_patch or new_line
    m = re.match(r"^([=^~]?)\s*(\d+(?:\.\d+){0,2})(.*)$", old)
    if not m:
        return newest_patch or new_line
    op, ver, rest = m.groups()
    parts = ver.split(".")
    new_parts = (newest_patch or new_line).split(".")
    if new_line.startswith("0."):
        # 0.x lines: the line itself has two parts
        want = max(len(parts), 2)
    else:
        want = len(parts)
    while len(new_parts) < want:
        new_parts.append("0")
    if not newest_patch and want == 3:
        new_parts = new_parts[:2] + ["0"]
    return f"{op}{'.'.join(new_parts[:want])}{rest if not rest.startswith('-') else ''}"


def rename_feature_in_array(arr: Array, old: str, new: str | None) -> bool:
    for i, v in enumerate(list(arr)):
        if str(v) == old:
            if new is None or new in [str(x) for x in arr]:
                del arr[i]
            else:
                arr[i] = new
            return True
    return False


def rename_feature_refs(doc: tomlkit.TOMLDocument, dep_keys: set[str], old: str, new: str | None) -> bool:
    """`[features] x = ["wasmtime-wasi/preview1"]` style references."""
    feats = doc.get("features")
    changed = False
    if not isinstance(feats, (dict, Table)):
        return False
    for _, arr in feats.items():
        if not isinstance(arr, Array):
            continue
        for i, v in enumerate(list(arr)):
            s = str(v)
            for key in dep_keys:
                for sep in ("/", "?/"):
                    if s == f"{key}{sep}{old}":
                        if new is None:
                            del arr[i]
                        else:
                            arr[i] = f"{key}{sep}{new}"
                        changed = True
    return changed


def rust_version(doc: tomlkit.TOMLDocument) -> tuple[Any, str] | None:
    pkg = doc.get("package")
    if isinstance(pkg, (dict, Table)) and "rust-version" in pkg:
        rv = pkg["rust-version"]
        if isinstance(rv, (dict, InlineTable, Table)):
            return None  # rust-version.workspace = true
        return pkg, str(rv)
    ws = doc.get("workspace")
    if isinstance(ws, (dict, Table)):
        wp = ws.get("package")
        if isinstance(wp, (dict, Table)) and "rust-version" in wp:
            return wp, str(wp["rust-version"])
    return None


def line_of_key(text: str, key: str) -> int:
    """1-based line where ``key`` is defined in a manifest (`key = ...`, `[a.key]`), else 1."""
    for i, ln in enumerate(text.splitlines(), 1):
        s = ln.strip()
        if s.startswith((f"{key} ", f"{key}=", f'"{key}"', f"{key}.")) or s.endswith((f".{key}]", f'."{key}"]',
                                                                                       f"[{key}]")):
            return i
    return 1
