"""Unified diffs as hunks and change blocks, hunk ids, and the normalizations used to compare.

A *hunk* is what `git diff` prints (3 lines of context); a *block* is one contiguous run of
removed/added lines inside a hunk. Coordinates are 0-based line indices into the old file; a
block replaces old lines [old_start, old_end) (old_start == old_end for a pure insertion).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

HUNK_HEAD = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@dataclass
class Block:
    old_start: int
    old_end: int
    new_start: int  # 0-based index of the first added line in the new file
    removed: list[str]
    added: list[str]

    def text_key(self) -> str:
        return squash("\n".join(["-" + ln for ln in self.removed] + ["+" + ln for ln in self.added]))


@dataclass
class Hunk:
    file: str
    index: int  # position among this file's hunks
    old_start: int  # 0-based, context included
    old_len: int
    new_start: int
    new_len: int
    lines: list[str]  # raw body lines with their ' ', '-', '+' tag
    blocks: list[Block] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Stable id: file, index and a short hash of the normalized change (context excluded)."""
        return f"{self.file}#{self.index}-{short_hash(''.join(b.text_key() for b in self.blocks))}"

    @property
    def change_span(self) -> tuple[int, int]:
        """Old-file lines the hunk's changes cover (context excluded)."""
        return self.blocks[0].old_start, max(b.old_end for b in self.blocks)

    def change_lines(self) -> list[str]:
        return [ln for ln in self.lines if ln[:1] in "+-"]


@dataclass
class FileDiff:
    path: str  # new path, or the old one for a deletion
    old_path: str | None  # None: the file is new
    new_path: str | None  # None: the file was deleted
    hunks: list[Hunk] = field(default_factory=list)
    binary: bool = False

    @property
    def blocks(self) -> list[Block]:
        return [b for h in self.hunks for b in h.blocks]


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def squash(text: str) -> str:
    """Whitespace-insensitive form: no whitespace, no trailing comma before a closing bracket."""
    s = re.sub(r"\s+", "", text)
    return re.sub(r",([)\]}>])", r"\1", s)


def _unquote(p: str) -> str:
    if p.startswith('"') and p.endswith('"'):
        p = p[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode(
            "utf-8", "surrogateescape")
    return p


def parse_diff(text: str) -> dict[str, FileDiff]:
    """`git diff` output (no renames) by path."""
    files: dict[str, FileDiff] = {}
    cur: FileDiff | None = None
    hunk: Hunk | None = None
    old_left = new_left = 0
    for raw in text.split("\n"):
        if hunk is not None and (old_left > 0 or new_left > 0):
            tag = raw[:1] or " "
            if tag == "\\":
                continue
            hunk.lines.append(raw if raw else " ")
            if tag in " -":
                old_left -= 1
            if tag in " +":
                new_left -= 1
            continue
        if raw.startswith("\\"):
            continue
        if raw.startswith("diff --git "):
            cur, hunk = FileDiff("", None, None), None
            continue
        if cur is None:
            continue
        if raw.startswith("--- "):
            cur.old_path = None if raw[4:] == "/dev/null" else _unquote(raw[4:])[2:]
        elif raw.startswith("+++ "):
            cur.new_path = None if raw[4:] == "/dev/null" else _unquote(raw[4:])[2:]
            cur.path = cur.new_path or cur.old_path or ""
            files[cur.path] = cur
        elif raw.startswith("Binary files "):
            cur.binary = True
        elif m := HUNK_HEAD.match(raw):
            os_, ol, ns, nl = int(m[1]), int(m[2] or 1), int(m[3]), int(m[4] or 1)
            # git numbers an empty range by the line before it: 0-based start is then os_ itself
            hunk = Hunk(cur.path, len(cur.hunks), os_ - 1 if ol else os_, ol, ns - 1 if nl else ns, nl, [])
            cur.hunks.append(hunk)
            old_left, new_left = ol, nl
    for fd in files.values():
        for h in fd.hunks:
            h.blocks = blocks_of(h)
    return files


def blocks_of(h: Hunk) -> list[Block]:
    out: list[Block] = []
    o, n = h.old_start, h.new_start
    cur: Block | None = None
    for ln in h.lines:
        tag, body = ln[:1], ln[1:]
        if tag == " ":
            cur = None
            o += 1
            n += 1
            continue
        if cur is None:
            cur = Block(o, o, n, [], [])
            out.append(cur)
        if tag == "-":
            cur.removed.append(body)
            o += 1
            cur.old_end = o
        else:
            if not cur.added:
                cur.new_start = n
            cur.added.append(body)
            n += 1
    return out


def apply_blocks(old: list[str], blocks: list[Block]) -> list[str]:
    """The new file: `old` with each block's old range replaced by its added lines."""
    out: list[str] = []
    pos = 0
    for b in sorted(blocks, key=lambda b: (b.old_start, b.old_end)):
        out.extend(old[pos:b.old_start])
        out.extend(b.added)
        pos = max(pos, b.old_end)
    out.extend(old[pos:])
    return out


def new_to_old(blocks: list[Block], line: int) -> int:
    """Map a 0-based line of the new file back to the old file (added lines map to their block's start)."""
    shift = 0
    for b in sorted(blocks, key=lambda b: b.old_start):
        if b.old_start + shift > line:
            break
        if line < b.old_start + shift + len(b.added):
            return b.old_start
        shift += len(b.added) - (b.old_end - b.old_start)
    return line - shift


VERSION_STR = re.compile(r'"\s*([=^~]|>=)?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?'
                         r'(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?\s*"')


def toml_line_norm(line: str) -> str:
    """A requirement is compared by its compatibility line: "=36.0.2" and "36" are both 36, "0.43.0" is 0.43."""
    if line.lstrip().startswith("rust-version"):
        return line  # a toolchain floor, compared exactly

    def line_of(m: re.Match[str]) -> str:
        major, minor = m[2], m[3]
        return f'"{major}"' if major != "0" else f'"0.{minor or 0}"'
    return VERSION_STR.sub(line_of, line)
