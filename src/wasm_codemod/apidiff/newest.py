"""Is there a published release line past the chain? (for `list` and `plan`; never fatal, cached)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from . import index


class _Family(Protocol):
    name: str
    primary: str
    default_target: str


def _key(line: str) -> tuple[int, ...]:
    return tuple(int(x) for x in line.split("."))


def uncovered(family: _Family, *, timeout: float = 2.0) -> list[str]:
    """Release lines of the family's primary crate on crates.io newer than the chain's newest line."""
    vs = index.versions(family.primary, timeout=timeout)
    if not vs:
        return []
    top = _key(family.default_target)
    return [ln for ln in index.newest_per_line(vs) if _key(ln) > top]


def notices(families: Iterable[_Family]) -> list[str]:
    out = []
    for f in families:
        lines = uncovered(f)
        if lines:
            out.append(f"crates.io has {f.primary} {', '.join(lines)}, past the newest line the steps cover "
                       f"({f.default_target}). Upgrades stop at {f.default_target}. Maintainers: "
                       f"`wasm-codemod api-diff {f.primary} {f.default_target} {lines[0]}` lists the candidate "
                       "breaking changes (docs/contributing-steps.md#a-new-release).")
    return out
