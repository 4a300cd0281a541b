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
