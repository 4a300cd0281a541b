"""Python version specifiers: read the release line they pin and bump them to another line, keeping
their style (PEP 440 operators for PEP 508 strings, plus Poetry's ``^``, ``~`` and bare versions).

Only version tokens are replaced; operators, spacing, extras and markers stay byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..transform import line_key

# one clause: an operator (or none, Poetry's exact form) and a version, possibly ending in `.*`
_CLAUSE = re.compile(r"(?P<op>\^|~=|~|===|==|!=|<=|>=|<|>)?\s*(?P<ver>\d+(?:\.\d+)*(?:\.\*)?)"
                     r"(?P<tail>[A-Za-z0-9+!._-]*)")
_NAME = re.compile(r"^\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?P<extras>\[[^\]]*\])?")


class SpecError(ValueError):
    pass


def normalize(name: str) -> str:
    """PEP 503 project-name normalisation (`importlib_resources` == `importlib-resources`)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Requirement:
    """A PEP 508 string split into the parts a bump needs; ``spec`` is ``text[spec_start:spec_end]``."""

    text: str
    name: str
    spec_start: int
    spec_end: int
    url: bool  # `name @ https://...`: the version is not ours to change

    @property
    def spec(self) -> str:
        return self.text[self.spec_start:self.spec_end]

    def with_spec(self, new: str) -> str:
        return self.text[:self.spec_start] + new + self.text[self.spec_end:]


def parse_requirement(text: str) -> Requirement | None:
    """A PEP 508 requirement (`wasmtime[x] >=29,<30 ; python_version>"3.9"`), or None if it is not one."""
    m = _NAME.match(text)
    if not m:
        return None
    rest_start = m.end()
    marker = text.find(";", rest_start)
    end = marker if marker != -1 else len(text)
    comment = text.find(" #", rest_start)
    if comment != -1 and comment < end:
        end = comment
    body = text[rest_start:end]
    if body.strip().startswith("@"):
        return Requirement(text, m.group("name"), rest_start, end, True)
    if body.strip() and not re.match(r"\s*[(<>=!~]", body):
        return None
    # spec without surrounding spaces (and without parentheses, kept as they are)
    lead = len(body) - len(body.lstrip(" \t("))
    trail = len(body) - len(body.rstrip(" \t)"))
    return Requirement(text, m.group("name"), rest_start + lead, end - trail, False)


def _comps(ver: str) -> list[int]:
    return [int(p) for p in ver.split(".") if p != "*"]


def _line_of(comps: list[int]) -> str:
    if not comps:
        raise SpecError("empty version")
    if comps[0] > 0:
        return str(comps[0])
    return f"0.{comps[1] if len(comps) > 1 else 0}"


def spec_line(spec: str, poetry: bool = False) -> str | None:
    """The release line a specifier pins: its highest lower bound (`>=29,<30` -> "29",
    `==0.16.0` -> "0.16", Poetry `^29.0` -> "29"); None when it has none (`<30`, `*`, empty)."""
    best: str | None = None
    for m in _CLAUSE.finditer(spec):
        op = m.group("op") or ("==" if poetry else None)
        if op is None or op in ("!=", "<", "<="):
            continue
        line = _line_of(_comps(m.group("ver")))
        if best is None or line_key(line) > line_key(best):
            best = line
    return best


def _render(comps: list[int], n: int) -> str:
    out = list(comps) + [0] * max(0, n - len(comps))
    return ".".join(str(c) for c in out[:max(n, 1)])


def bump_spec(spec: str, target: str, patch: str | None, poetry: bool = False) -> str:
    """``spec`` moved to the ``target`` line (e.g. "48" or "0.17"), keeping operators and precision.

    `>=29,<30` -> `>=48,<49`; `==29.0.0` -> `==<patch>`; `~=29.0` -> `~=48.0`; `==29.*` -> `==48.*`;
    an upper bound that already admits the target stays; `!=` clauses stay.
    """
    low = [int(p) for p in target.split(".")]
    nxt = low[:-1] + [low[-1] + 1]
    full_patch = patch or ".".join(str(c) for c in (low + [0, 0])[:3])

    def pad(c: list[int]) -> tuple[int, ...]:
        return tuple((c + [0, 0, 0])[:3])

    def repl(m: re.Match[str]) -> str:
        op = m.group("op") or ""
        ver = m.group("ver")
        wild = ver.endswith(".*")
        comps = _comps(ver)
        n = max(len(comps), len(low))
        eff = op or ("==" if poetry else "")
        if eff == "!=" or not eff:
            return m.group(0)
        if eff in ("<", "<="):
            if pad(comps) >= pad(nxt):
                return m.group(0)  # the bound already admits the whole target line
            new = _render(nxt, n) if eff == "<" else (full_patch if len(comps) >= 3 else _render(low, n))
        elif eff in ("==", "==="):
            new = _render(low, len(comps)) + ".*" if wild else full_patch
        else:  # >=, >, ~=, ^, ~: the new floor, at the same precision
            new = _render(low, n) + (".*" if wild else "")
            if op == ">":
                op = ">="
        gap = m.group(0)[len(m.group("op") or ""):m.start("ver") - m.start()]
        return f"{op}{gap}{new}"

    return _CLAUSE.sub(repl, spec)


def is_floor_only(spec: str, poetry: bool = False) -> bool:
    """`>=28.0.0` (or `>28`): a lower bound and nothing that caps or pins the line."""
    ops = [m.group("op") or ("==" if poetry else "") for m in _CLAUSE.finditer(spec)]
    return bool(ops) and all(op in (">=", ">", "!=") for op in ops) and any(op in (">=", ">") for op in ops)


def admits(spec: str, version: str, poetry: bool = False) -> bool:
    """Does ``spec`` allow ``version``? (Enough for a lock check: release numbers only, `^`/`~`
    as Poetry defines them.)"""
    v = tuple(_comps(re.match(r"\d+(?:\.\d+)*", version).group(0))) if re.match(r"\d", version) else ()
    if not v:
        return False

    def pad(c: list[int] | tuple[int, ...]) -> tuple[int, ...]:
        return tuple((list(c) + [0, 0, 0])[:3])

    pv = pad(v)
    for m in _CLAUSE.finditer(spec):
        op = m.group("op") or ("==" if poetry else "")
        ver = m.group("ver")
        c = _comps(ver)
        if ver.endswith(".*"):
            if list(pv[:len(c)]) != c:
                return False
            continue
        pc = pad(c)
        if op in ("==", "===") and pv != pc:
            return False
        if (op == ">=" and pv < pc) or (op == ">" and pv <= pc) or (op == "<" and pv >= pc) \
                or (op == "<=" and pv > pc) or (op == "!=" and pv == pc):
            return False
        if op in ("~=", "^", "~"):
            if pv < pc:
                return False
            if op == "~=":
                keep = max(len(c) - 1, 1)
            elif op == "^":
                keep = next((i + 1 for i, x in enumerate(c) if x != 0), len(c))
            else:
                keep = min(len(c), 2) if len(c) > 1 else 1
            if list(pv[:keep]) != c[:keep]:
                return False
    return True
