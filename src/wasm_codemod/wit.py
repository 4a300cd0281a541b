"""A small WIT lexer: enough to find identifiers, keywords and their byte offsets.

WIT identifiers are kebab-case words; `%name` escapes a keyword. Comments (`//`, `/* */`,
doc comments) and strings are skipped so their contents are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .source import EditSet

# whitespace is read as the prefix of the next token (one match per token, not two); `\Z` ends
# the last match on trailing whitespace
_TOKEN = re.compile(
    rb"""
    \s*(?:
    (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*.*?\*/)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<explicit>%[A-Za-z][A-Za-z0-9-]*)
  | (?P<id>[A-Za-z][A-Za-z0-9-]*)
  | (?P<version>@[0-9A-Za-z.+-]+)
  | (?P<punct>->|[{}()<>,:;=./*_@-])
  | (?P<other>.)
  | \Z)
    """,
    re.S | re.X,
)


class Token(NamedTuple):
    """Immutable like the frozen dataclass it was; a tuple is built several times faster (a run
    lexes hundreds of WIT files of thousands of tokens)."""

    kind: str  # "id" | "explicit" | "punct" | "version" | "string" | comments | "other"
    text: str
    start: int
    end: int


class WitError(ValueError):
    pass


def tokenize(data: bytes) -> list[Token]:
    """The tokens of ``data``; a file is lexed once per content in a run (every WIT step and the
    bindgen! world lookups ask again), callers get their own list."""
    return list(_tokenize(data))


@lru_cache(maxsize=512)
def _tokenize(data: bytes) -> tuple[Token, ...]:
    out: list[Token] = []
    new = tuple.__new__  # Token(...) goes through a Python-level __new__
    # matches are back to back: the `other` branch matches any byte after the whitespace
    for m in _TOKEN.finditer(data):
        kind = m.lastgroup
        if kind is not None:
            start, end = m.span(kind)
            out.append(new(Token, (kind, data[start:end].decode("utf-8", "replace"), start, end)))
    return tuple(out)


_WORD = re.compile(rb"[A-Za-z][A-Za-z0-9-]*")  # the lexer's `id`
# strings (kept: group 1) and comments (dropped), found the way the lexer finds them
_COMMENT_OR_STRING = re.compile(rb'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/', re.S)


@lru_cache(maxsize=512)
def _code(data: bytes, strings: bool) -> bytes:
    """``data`` with each comment (and unless ``strings``, each string) made one space: a comment
    still parts the words around it. The file gates below ask it of the same files."""
    return _COMMENT_OR_STRING.sub(rb"\1 " if strings else b" ", data)


@lru_cache(maxsize=512)
def may_differ_only_in_case(data: bytes) -> bool:
    """Whether two words outside comments differ only in case: when none do, no two names do
    either, so the case-name checks skip the file without lexing it (byte scans in C)."""
    if re.search(rb"[A-Z]", data) is None:
        return False
    code = _code(data, True)
    if re.search(rb"[A-Z]", code) is None:
        return False
    words = set(_WORD.findall(code))
    return len({w.lower() for w in words}) < len(words)


# `flags name {` as the lexer reads it (a `descriptor-flags` or `%flags` is another token)
_FLAGS_DEF = re.compile(rb"(?<![A-Za-z0-9%-])flags\s+%?[A-Za-z][A-Za-z0-9-]*\s*\{")
_BRACE = re.compile(rb"[{}]")


@lru_cache(maxsize=512)
def may_have_flags_over(data: bytes, limit: int) -> bool:
    """Whether a `flags` block of ``data`` can have more than ``limit`` members: its braces would
    hold at least ``limit`` commas (comments and strings dropped, nested braces counted in)."""
    if b"flags" not in data:
        return False
    code = _code(data, False)
    for m in _FLAGS_DEF.finditer(code):
        depth, close = 0, len(code)
        for b in _BRACE.finditer(code, m.end() - 1):
            depth += 1 if b.group() == b"{" else -1
            if depth == 0:
                close = b.end()
                break
        if code.count(b",", m.end() - 1, close) >= limit:
            return True
    return False


# `world`, any one token (a name in valid WIT), `{`: what the bindgen! world parser takes for a world
_WORLD_DEF = re.compile(rb"""\bworld\b\s*(?:%?[A-Za-z][A-Za-z0-9-]*|@[0-9A-Za-z.+-]+|->|"(?:[^"\\]|\\.)*"|\S)\s*\{""",
                        re.S)


@lru_cache(maxsize=512)
def may_define_world(data: bytes) -> bool:
    """Whether ``data`` can hold a `world name {` outside comments (a doc comment saying "world" is no
    reason to parse an interface file for worlds)."""
    if b"world" not in data:
        return False
    return _WORLD_DEF.search(_code(data, True)) is not None


def iter_significant(data: bytes) -> Iterator[Token]:
    """The tokens of ``data`` that are not comments, lexed as they are asked for (a caller after the
    first few, like the `package` line, stops there)."""
    for m in _TOKEN.finditer(data):
        kind = m.lastgroup
        if kind is not None and kind not in ("line_comment", "block_comment"):
            start, end = m.span(kind)
            yield Token(kind, data[start:end].decode("utf-8", "replace"), start, end)


def significant(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind not in ("line_comment", "block_comment")]


@lru_cache(maxsize=512)
def significant_tokens(data: bytes) -> tuple[Token, ...]:
    """``significant(tokenize(data))``, once per content (every WIT step asks of every file)."""
    return tuple(significant(list(_tokenize(data))))


@dataclass
class WitUnit:
    """One .wit file as a step sees it."""

    path: str
    data: bytes
    edits: EditSet

    def tokens(self) -> list[Token]:
        return list(significant_tokens(self.data))

    def line_of(self, offset: int) -> int:
        return self.data.count(b"\n", 0, offset) + 1


def block_end(toks: list[Token], open_i: int) -> int | None:
    """Index of the `}` that closes the `{` at ``open_i`` (None when unbalanced)."""
    depth = 0
    for j in range(open_i, len(toks)):
        if toks[j].text == "{":
            depth += 1
        elif toks[j].text == "}":
            depth -= 1
            if depth == 0:
                return j
    return None
