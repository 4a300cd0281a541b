"""Which of a fixed set of byte strings a text holds, found in one pass over the text.

The steps' prefilters are ~200 short byte strings asked of every file; searching for each in turn
reads a file ~200 times. An Aho-Corasick automaton reads it once and reports every occurrence,
overlapping ones included, so the answer is exactly ``{t for t in tokens if t in data}``.
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick


class TokenScan:
    def __init__(self, tokens: frozenset[bytes]) -> None:
        self.tokens = tokens
        self._automaton = ahocorasick.Automaton()
        for t in tokens:
            # latin-1 maps each byte to one character: offsets and matches are the bytes'
            key = t.decode("latin-1")
            self._automaton.add_word(key, t)
        self._empty = not tokens
        if not self._empty:
            self._automaton.make_automaton()

    def present(self, data: bytes) -> set[bytes]:
        """The tokens that occur in ``data``."""
        if self._empty:
            return set()
        return {t for _end, t in self._automaton.iter(data.decode("latin-1"))}


@lru_cache(maxsize=32)
def token_scan(tokens: frozenset[bytes]) -> TokenScan:
    """One automaton per token set: the crates of a run share a few plans, so a few sets."""
    return TokenScan(tokens)
