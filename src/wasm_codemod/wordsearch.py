"""Regex search for spellings that must start a word, without losing `re`'s literal-prefix search.

`re` finds the first literal of a pattern with a fast byte search, but only when the pattern starts
with it: a leading `\\b` or `(?<!\\w)` makes it try the whole pattern at every byte of the text
(20-40x slower on source files; the steps' file gates search every file of a crate). These helpers
take the pattern without that leading assertion and check the byte before each match instead,
which finds exactly the matches the asserted pattern would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# what `\w` matches in a bytes pattern
WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def word_matches(pattern: re.Pattern[bytes], data: bytes,
                 not_after: frozenset[int] = WORD_BYTES) -> Iterator[re.Match[bytes]]:
    """The matches of ``pattern`` not preceded by a byte of ``not_after``, as
    ``re.finditer(rb"(?<![not_after])" + pattern)`` gives them (left to right, non-overlapping).
    ``pattern`` must start with a byte of ``not_after`` (as `\\b` then does the same)."""
    pos = 0
    end = len(data)
    while pos <= end:
        m = pattern.search(data, pos)
        if m is None:
            return
        s = m.start()
        if s > 0 and data[s - 1] in not_after:
            pos = s + 1  # a later match may start inside this one
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


def word_search(pattern: re.Pattern[bytes], data: bytes,
                not_after: frozenset[int] = WORD_BYTES) -> re.Match[bytes] | None:
    """The first of `word_matches`, or None."""
    return next(word_matches(pattern, data, not_after), None)


def words(names: Iterable[str | bytes]) -> re.Pattern[bytes]:
    """A pattern for any of ``names`` ending a word (longest first), for `word_matches`/`word_search`
    (which check the byte before): the gate a step writes for "the file spells one of these"."""
    return _words(frozenset(n.encode() if isinstance(n, str) else n for n in names))


@lru_cache(maxsize=256)
def _words(names: frozenset[bytes]) -> re.Pattern[bytes]:
    return re.compile(rb"(?:" + b"|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + rb")(?!\w)")


_OPEN, _CLOSE = frozenset(b"([{"), frozenset(b")]}")


def spelled_calls(data: bytes, opener: re.Pattern[bytes]) -> Iterator[tuple[int, int] | None]:
    """For each match of ``opener`` (a call spelled up to its `(`: `.get(`, `. get (`), the span of its
    argument text up to the matching `)`, or None where the text defeats a scan that only follows
    brackets and plain strings (a char literal or lifetime, a comment, a raw string, no `)`)."""
    n = len(data)
    for m in opener.finditer(data):
        j, depth, found = m.end(), 1, None
        while j < n:
            c = data[j]
            if c in _OPEN:
                depth += 1
            elif c in _CLOSE:
                depth -= 1
                if depth == 0:
                    found = (m.end(), j)
                    break
            elif c == 34:  # " : skip the string (a raw one, `r"` or `r#"`, has no escapes: give up)
                if data[j - 1] in b"r#":
                    break
                j += 1
                while j < n and data[j] != 34:
                    j += 2 if data[j] == 92 else 1
            elif c == 39 or (c == 47 and j + 1 < n and data[j + 1] in b"/*"):  # ' or a comment
                break
            j += 1
        yield found


def top_level_commas(data: bytes, start: int, end: int) -> int:
    """The commas of ``data[start:end]`` (a span from `spelled_calls`) outside nested brackets and strings."""
    depth, commas, j = 0, 0, start
    while j < end:
        c = data[j]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
        elif c == 44 and depth == 0:
            commas += 1
        elif c == 34:
            j += 1
            while j < end and data[j] != 34:
                j += 2 if data[j] == 92 else 1
        j += 1
    return commas


def may_call_with_args(data: bytes, opener: re.Pattern[bytes], at_least: int) -> bool:
    """Can some call spelled by ``opener`` take ``at_least`` arguments? False always means no such
    call is written (where `spelled_calls` cannot tell, the answer is True)."""
    for span in spelled_calls(data, opener):
        if span is None or at_least <= 1 or top_level_commas(data, *span) >= at_least - 1:
            return True
    return False
