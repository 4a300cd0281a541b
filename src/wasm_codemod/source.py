"""A source file as bytes plus a parse tree, and a checked set of byte-range edits.

Edits are made against the text *without* a BOM; the BOM, line endings and the
trailing-newline state of the original are kept byte for byte.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from tree_sitter import Node, Tree

from .rust.parse import count_errors, parse_rust, pin_root, reparse_rust, unpin_root

BOM = b"\xef\xbb\xbf"
_NEWLINE = re.compile(b"\n")


class OverlapError(ValueError):
    """Two edits touch the same bytes."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: bytes
    step: str = ""

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"edit start {self.start} after end {self.end}")


@dataclass
class EditSet:
    """Non-overlapping byte-range replacements. Insertions at one point keep their order."""

    edits: list[Edit] = field(default_factory=list)
    # the same edits sorted by (start, end), for an O(log n) overlap check: a step on a big file
    # adds thousands; in a valid set the ends are non-decreasing in this order too
    _keys: list[tuple[int, int]] = field(default_factory=list, repr=False, compare=False)
    _sorted: list[Edit] = field(default_factory=list, repr=False, compare=False)

    def add(self, edit: Edit) -> None:
        if len(self._sorted) != len(self.edits):  # built from a list: index it once
            self._sorted = sorted(self.edits, key=lambda e: (e.start, e.end))
            self._keys = [(e.start, e.end) for e in self._sorted]
        i = bisect_left(self._keys, (edit.start, -1))
        near = []
        j = i - 1
        while j >= 0 and self._keys[j][1] > edit.start:  # earlier edits reaching past our start
            near.append(self._sorted[j])
            j -= 1
        j = i
        while j < len(self._keys) and self._keys[j][0] < edit.end:  # later edits starting inside us
            near.append(self._sorted[j])
            j += 1
        for other in near:
            if _overlaps(edit, other):
                raise OverlapError(
                    f"edit {edit.start}-{edit.end} ({edit.step}) overlaps {other.start}-{other.end} ({other.step})"
                )
        self.edits.append(edit)
        pos = bisect_right(self._keys, (edit.start, edit.end))
        self._keys.insert(pos, (edit.start, edit.end))
        self._sorted.insert(pos, edit)

    def try_add(self, edit: Edit) -> bool:
        try:
            self.add(edit)
        except OverlapError:
            return False
        return True

    def __bool__(self) -> bool:
        return bool(self.edits)

    def apply(self, data: bytes) -> bytes:
        out: list[bytes] = []
        pos = 0
        # stable sort: insertions at the same offset keep the order they were added in
        for e in sorted(self.edits, key=lambda e: (e.start, e.end)):
            out.append(data[pos : e.start])
            out.append(e.text)
            pos = e.end
        out.append(data[pos:])
        return b"".join(out)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:
        # an insertion conflicts only when strictly inside a replaced range
        point, other = (a, b) if a.start == a.end else (b, a)
        return other.start < point.start < other.end
    return a.start < b.end and b.start < a.end


class SourceError(ValueError):
    """The file cannot be handled as Rust source (binary, invalid UTF-8, ...)."""


@dataclass
class SourceFile:
    """One file's text (BOM stripped) and its tree. ``path`` is display-only."""

    path: str
    data: bytes
    bom: bool = False
    _tree: Tree | None = None
    _root: Node | None = None
    _newline: bytes | None = field(default=None, repr=False, compare=False)
    # token -> whether ``data`` holds it (``has``; engine.step_units reads it directly)
    seen: dict[bytes, bool] = field(default_factory=dict, repr=False, compare=False)
    # the tokens a scan of ``data`` looked for (``scanned``) and found (``present``): set by the
    # engine for a file as read, answers `has` for those tokens without a search
    scanned: frozenset[bytes] | None = field(default=None, repr=False, compare=False)
    present: frozenset[bytes] | set[bytes] = field(default=frozenset(), repr=False, compare=False)

    @classmethod
    def from_bytes(cls, path: str, raw: bytes) -> SourceFile:
        if b"\x00" in raw:
            raise SourceError(f"{path}: looks binary (NUL byte); not Rust source")
        bom = raw.startswith(BOM)
        data = raw[len(BOM) :] if bom else raw
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{path}: not valid UTF-8 at byte {exc.start}; fix the encoding or exclude it") from exc
        return cls(path=path, data=data, bom=bom)

    def to_bytes(self) -> bytes:
        return (BOM if self.bom else b"") + self.data

    @property
    def tree(self) -> Tree:
        if self._tree is None:
            self._tree = parse_rust(self.data)
        return self._tree

    @property
    def root(self) -> Node:
        if self._root is None:
            self._root = self.tree.root_node
            pin_root(self._root)
            weakref.finalize(self, unpin_root, id(self._root))
        return self._root

    @property
    def newline(self) -> bytes:
        if self._newline is None:  # asked at every edit: scan the file once
            self._newline = b"\r\n" if b"\r\n" in self.data else b"\n"
        return self._newline

    def has(self, token: bytes) -> bool:
        """``token in self.data``, remembered: the steps' prefilters ask about the same file (until
        it is edited) with many of the same tokens."""
        if self.scanned is not None and token in self.scanned:
            return token in self.present
        found = self.seen.get(token)
        if found is None:
            found = self.seen[token] = token in self.data
        return found

    def text(self, node: Node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8")

    def line_of(self, offset: int) -> int:
        """1-based line number of a byte offset."""
        return self.data.count(b"\n", 0, offset) + 1

    def line_start(self, offset: int) -> int:
        return self.data.rfind(b"\n", 0, offset) + 1

    def indent_at(self, offset: int) -> str:
        start = self.line_start(offset)
        end = start
        while end < len(self.data) and self.data[end : end + 1] in (b" ", b"\t"):
            end += 1
        return self.data[start:end].decode()

    def native(self, text: str) -> bytes:
        """Encode inserted text with this file's line endings."""
        encoded = text.encode("utf-8")
        if self.newline == b"\r\n":
            encoded = encoded.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        return encoded

    def with_edits(self, edits: EditSet) -> SourceFile:
        new = SourceFile(path=self.path, data=edits.apply(self.data), bom=self.bom)
        if self._tree is not None:
            # re-parse incrementally: tree-sitter reuses the subtrees the edits did not touch (a
            # step's few edits to a file cost a fraction of a full parse; files are re-parsed after
            # every step that edits them)
            new._tree = reparse_rust(new.data, _edited_copy(self._tree, self.data, edits))
        return new


def _edited_copy(tree: Tree, data: bytes, edits: EditSet) -> Tree:
    """A copy of ``tree`` told about ``edits`` (byte offsets and row/column points of ``data``)."""
    lines = [m.end() for m in _NEWLINE.finditer(data)]  # offsets where a line starts (after line 1)

    def point(offset: int) -> tuple[int, int]:
        row = bisect_right(lines, offset)
        return row, offset - (lines[row - 1] if row else 0)

    copy = tree.copy()
    # last to first: the bytes before each edit are still the old ones when it is described;
    # reversed from the order `apply` uses, so insertions at one offset land in the same order
    for e in reversed(sorted(edits.edits, key=lambda e: (e.start, e.end))):
        start = point(e.start)
        nl = e.text.count(b"\n")
        new_end = (start[0] + nl, len(e.text) - e.text.rfind(b"\n") - 1) if nl else (start[0], start[1] + len(e.text))
        copy.edit(start_byte=e.start, old_end_byte=e.end, new_end_byte=e.start + len(e.text),
                  start_point=start, old_end_point=point(e.end), new_end_point=new_end)
    return copy


@dataclass
class ApplyResult:
    file: SourceFile
    applied: bool
    reason: str = ""


def apply_checked(src: SourceFile, edits: EditSet) -> ApplyResult:
    """Apply ``edits``; refuse the result when it has more syntax errors than before."""
    if not edits:
        return ApplyResult(src, False)
    new = src.with_edits(edits)
    before = count_errors(src.root)
    after = count_errors(new.root)
    if after > before:
        return ApplyResult(src, False, f"rewrite would add {after - before} syntax error(s); left unchanged")
    return ApplyResult(new, True)


