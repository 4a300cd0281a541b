"""Version model and detection of the version a crate builds against (Cargo.lock, else Cargo.toml)."""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

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
    try:
        data = tomllib.loads(lock_path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    out: dict[str, list[str]] = {}
    for pkg in data.get("package", []):
        if pkg.get("name") in names:
            out.setdefault(pkg["name"], []).append(pkg.get("version", ""))
    return out


