"""Option syntax of code-generating macros (`bindgen!`, `generate!`), parsed from token trees.

tree-sitter sees a macro body as a flat token tree, so the `key: value, ...` structure is
rebuilt here. Values are kept as byte ranges so steps can replace or delete them exactly.
Forms: `m!({ k: v, ... })`, `m!{ k: v }`, `m!("world")`, `m!("world" in "path")`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node

from ..source import Edit, EditSet, SourceFile


@dataclass
class Value:
    start: int
    end: int
    text: str
    kind: str  # "string" | "bool" | "map" | "list" | "expr"
    entries: list[Entry] = field(default_factory=list)  # for maps
    items: list[Value] = field(default_factory=list)  # for lists

    @property
    def string(self) -> str | None:
        return self.text[1:-1] if self.kind == "string" else None

    def get(self, key: str) -> Entry | None:
        for e in self.entries:
            if e.key == key:
                return e
        return None


@dataclass
class Entry:
    key: str  # identifier, or string contents for quoted keys
    key_start: int
    key_end: int
    value: Value
    start: int  # start of the key
    end: int  # end of the value
    comma_end: int | None  # end of the trailing comma, when there is one


@dataclass
class MacroOptions:
    macro: Node
    body: Node  # the token tree holding the options (the `{...}`), or the outer one for shorthand
    options: Value  # kind "map" for the braced form
    shorthand: tuple[str, str | None] | None = None  # ("world", "path") for `m!("world" in "path")`

    def get(self, key: str) -> Entry | None:
        return self.options.get(key)


def _text(src: bytes, a: int, b: int) -> str:
    return src[a:b].decode("utf-8")


def parse_options(src: SourceFile, macro: Node) -> MacroOptions | None:
    tt = next((c for c in macro.children if c.type == "token_tree"), None)
    if tt is None:
        return None
    inner = [c for c in tt.children[1:-1] if c.type not in ("line_comment", "block_comment")]
    data = src.data
    if len(inner) == 1 and inner[0].type == "token_tree" and data[inner[0].start_byte:inner[0].start_byte + 1] == b"{":
        body = inner[0]
        return MacroOptions(macro, body, _map(data, body))
    if inner and inner[0].type == "string_literal":
        world = _text(data, inner[0].start_byte + 1, inner[0].end_byte - 1)
        path = None
        if len(inner) >= 3 and inner[1].type == "in" or (len(inner) >= 3 and _text(data, inner[1].start_byte,
                                                                                     inner[1].end_byte) == "in"):
            path = _text(data, inner[2].start_byte + 1, inner[2].end_byte - 1)
        return MacroOptions(macro, tt, Value(tt.start_byte, tt.end_byte, "", "map"), (world, path))
    if data[tt.start_byte:tt.start_byte + 1] == b"{":
        return MacroOptions(macro, tt, _map(data, tt))
    return None


def _split(children: list[Node], data: bytes) -> list[list[Node]]:
    """Split a token list on top-level commas."""
    groups: list[list[Node]] = [[]]
    for c in children:
        if c.type in ("line_comment", "block_comment"):
            continue
        if c.type == ",":
            groups.append([])
        else:
            groups[-1].append(c)
    return [g for g in groups if g]


def _map(data: bytes, tt: Node) -> Value:
    entries: list[Entry] = []
    toks = [c for c in tt.children[1:-1]]
    i = 0
    plain = [c for c in toks if c.type not in ("line_comment", "block_comment")]
    while i < len(plain):
        key_node = plain[i]
        # key: identifier / keyword token / string; then ':'
        j = i + 1
        if j >= len(plain) or plain[j].type != ":":
            i += 1
            continue
        k = j + 1
        vals: list[Node] = []
        while k < len(plain) and plain[k].type != ",":
            vals.append(plain[k])
            k += 1
        comma_end = plain[k].end_byte if k < len(plain) else None
        if key_node.type == "string_literal":
            key = _text(data, key_node.start_byte + 1, key_node.end_byte - 1)
        else:
            key = _text(data, key_node.start_byte, key_node.end_byte)
        if vals:
            value = _value(data, vals)
            entries.append(Entry(key, key_node.start_byte, key_node.end_byte, value, key_node.start_byte,
                                 value.end, comma_end))
        i = k + 1
    return Value(tt.start_byte, tt.end_byte, _text(data, tt.start_byte, tt.end_byte), "map", entries=entries)


def _value(data: bytes, nodes: list[Node]) -> Value:
    a, b = nodes[0].start_byte, nodes[-1].end_byte
    txt = _text(data, a, b)
    if len(nodes) == 1:
        n = nodes[0]
        if n.type == "string_literal":
            return Value(a, b, txt, "string")
        if n.type == "boolean_literal":
            return Value(a, b, txt, "bool")
        if n.type == "token_tree":
            opener = data[a:a + 1]
            if opener == b"{":
                return _map(data, n)
            if opener == b"[":
                items = [_value(data, g) for g in _split(list(n.children[1:-1]), data)]
                return Value(a, b, txt, "list", items=items)
    return Value(a, b, txt, "expr")


# -- edits -----------------------------------------------------------------------------


def remove_entry(src: SourceFile, edits: EditSet, entry: Entry, step: str, opts: Value | None = None) -> bool:
    """Delete `key: value,` and the line it stood on when it was alone there. With the map ``opts``,
    a last entry without a trailing comma also takes the comma before it when both stand on one line
    (`{ a: 1, b: 2 }` -> `{ a: 1 }`)."""
    data = src.data
    if opts is not None and entry.comma_end is None and entry in opts.entries:
        i = opts.entries.index(entry)
        prev = opts.entries[i - 1] if i > 0 else None
        if prev is not None and prev.comma_end is not None and b"\n" not in data[prev.comma_end:entry.start]:
            return edits.try_add(Edit(prev.comma_end - 1, entry.end, b"", step))
    start = entry.start
    end = entry.comma_end if entry.comma_end is not None else entry.end
    ls = src.line_start(start)
    nl = data.find(b"\n", end)
    line_end = nl + 1 if nl != -1 else len(data)
    if data[ls:start].strip() == b"" and data[end:line_end].strip() == b"":
        start, end = ls, line_end
    elif entry.comma_end is not None:
        # `a: 1, b: 2` on one line: also eat the space after the comma
        while end < len(data) and data[end:end + 1] == b" ":
            end += 1
    return edits.try_add(Edit(start, end, b"", step))


def replace_value(src: SourceFile, edits: EditSet, value: Value, text: str, step: str) -> bool:
    return edits.try_add(Edit(value.start, value.end, src.native(text), step))


def add_entry(src: SourceFile, edits: EditSet, opts: Value, text: str, step: str) -> bool:
    """Append `text` (e.g. `imports: { default: async }`) as the map's last entry, in its layout."""
    data = src.data
    if opts.entries:
        last = opts.entries[-1]
        after = last.comma_end if last.comma_end is not None else last.end
        multiline = b"\n" in data[opts.start:opts.end]
        if multiline:
            indent = src.indent_at(last.start)
            sep = "" if last.comma_end is not None else ","
            return edits.try_add(Edit(after, after, src.native(f"{sep}\n{indent}{text},"), step))
        sep = " " if last.comma_end is not None else ", "
        return edits.try_add(Edit(after, after, f"{sep}{text}".encode(), step))
    return edits.try_add(Edit(opts.start + 1, opts.start + 1, f" {text} ".encode(), step))
