"""Results computed from one version of a file, kept while that version lives.

A SourceFile is replaced after each edit, so a result keyed by the object (not its path) is never
stale; several steps (and each crate's call of a shared helper) ask the same question of the same
version. Entries go when the SourceFile is collected.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar

from wasm_codemod.source import SourceFile

T = TypeVar("T")

_MEMO: dict[int, dict[str, object]] = {}


def per_source(src: SourceFile, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per ``src`` object and ``key`` (the result must not be mutated by callers)."""
    memo = _MEMO.get(id(src))
    if memo is None:
        memo = _MEMO[id(src)] = {}
        weakref.finalize(src, _MEMO.pop, id(src), None)
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    value = memo[key] = compute()
    return value
