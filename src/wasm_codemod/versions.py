"""Version model and detection of the version a crate builds against (Cargo.lock, else Cargo.toml)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import tomli as tomllib  # TOML 1.1 (multi-line inline tables), which cargo accepts

_VER = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?")


class VersionError(ValueError):
    pass


def parse_version(text: str) -> tuple[int, int, int]:
    m = _VER.search(text)
    if not m:
        raise VersionError(f"not a version: {text!r}")
    return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)


def release_line(version: tuple[int, int, int]) -> str:
    """wasmtime-style majors ("36") and 0.x lines ("0.45")."""
    major, minor, _ = version
    return str(major) if major > 0 else f"0.{minor}"


def requirement_line(spec: str) -> str:
    """The release line a Cargo version requirement resolves to.

    "29", "29.0", "=29.0.1", "^29", "~29.0" -> "29"; ">= 27.0.0, < 31.0.0" -> "30"
    (the newest line a lockfile would pick); "0.41" -> "0.41".
    """
    spec = spec.strip()
    if not spec or spec == "*":
        raise VersionError(f"cannot tell a version from requirement {spec!r}")
    parts = [p.strip() for p in spec.split(",")]
    upper = [p for p in parts if p.startswith("<")]
    lower = [p for p in parts if not p.startswith("<")]
    if upper:
        u = upper[0]
        inclusive = u.startswith("<=")
        major, minor, patch = parse_version(u)
        if inclusive:
            return release_line((major, minor, patch))
        if major > 0:
            return str(major - 1 if (minor, patch) == (0, 0) else major)
        return f"0.{minor - 1 if patch == 0 else minor}"
    return release_line(parse_version(lower[0]))


def lock_versions(lock_path: Path, names: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, version in _lock_packages(lock_path):
        if name in names:
            out.setdefault(name, []).append(version)
    return out


def _lock_packages(lock_path: Path) -> tuple[tuple[str, str], ...]:
    """(name, version) of every package in a Cargo.lock, parsed once per file state and run."""
    try:
        st = lock_path.stat()
    except OSError:
        return ()
    return _parse_lock(str(lock_path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _parse_lock(path: str, _mtime: int, _size: int) -> tuple[tuple[str, str], ...]:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return ()
    return tuple((str(p.get("name", "")), str(p.get("version", ""))) for p in data.get("package", [])
                 if isinstance(p, dict))


def lock_dependents(lock_path: Path, family: frozenset[str] | set[str]) -> dict[str, list[tuple[str, str, str]]]:
    """Packages of a Cargo.lock that depend on a ``family`` crate: name -> [(version, family crate,
    its locked version)]. Family crates themselves are left out."""
    try:
        st = lock_path.stat()
    except OSError:
        return {}
    return _dependents(str(lock_path), st.st_mtime_ns, st.st_size, frozenset(family))


@lru_cache(maxsize=64)
def _dependents(path: str, _mtime: int, _size: int, family: frozenset[str]) -> dict[str, list[tuple[str, str, str]]]:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    pkgs = [p for p in data.get("package", []) if isinstance(p, dict)]
    versions: dict[str, list[str]] = {}
    for p in pkgs:
        versions.setdefault(str(p.get("name", "")), []).append(str(p.get("version", "")))
    out: dict[str, list[tuple[str, str, str]]] = {}
    for p in pkgs:
        name = str(p.get("name", ""))
        if name in family:
            continue
        for entry in p.get("dependencies", []) or []:
            parts = str(entry).split()  # "name", "name version" or "name version (source)"
            if not parts or parts[0] not in family:
                continue
            locked = parts[1] if len(parts) > 1 else (versions.get(parts[0]) or [""])[0]
            out.setdefault(name, []).append((str(p.get("version", "")), parts[0], locked))
            break
    return out


def requirement_matches(spec: str, version: str) -> bool:
    """Does ``version`` satisfy the Cargo requirement ``spec`` (caret default, `~`, `=`, comparisons, `*`)?"""
    try:
        v = parse_version(version)
    except VersionError:
        return False
    for part in (p.strip() for p in spec.split(",")):
        if not part or part == "*":
            continue
        m = re.match(r"^(>=|<=|>|<|=|\^|~)?\s*(\d+)(?:\.(\d+|\*))?(?:\.(\d+|\*))?", part)
        if not m:
            return False
        op = m.group(1) or "^"
        nums = [int(g) if g and g != "*" else None for g in m.groups()[1:]]
        given = [n for n in nums if n is not None]
        lo = tuple(given + [0] * (3 - len(given)))
        if op in ("^", "~", "="):
            if op == "^":
                # the first non-zero given part (or the last given one) must match exactly
                fixed = next((i for i, n in enumerate(given) if n != 0), len(given) - 1) + 1
            else:
                fixed = len(given) if op == "=" else min(len(given), 2)
            if v[:fixed] != lo[:fixed] or v < lo:
                return False
        elif op == ">=" and not v >= lo:
            return False
        elif op == ">" and not v > lo:
            return False
        elif op == "<" and not v < lo:
            return False
        elif op == "<=" and not v <= lo:
            return False
    return True
