"""Published versions of a crate, from the crates.io sparse index (cached; never fatal)."""

from __future__ import annotations

import json
import os
import time
import urllib.request
from pathlib import Path

INDEX = "https://index.crates.io"
TTL = 24 * 3600  # seconds a fetched list stays fresh
FAIL_TTL = 3600  # after a failed fetch, do not retry for this long


def cache_root() -> Path:
    return Path(os.environ.get("WASM_CODEMOD_CACHE") or Path.home() / ".cache" / "wasm-codemod")


def index_url(crate: str) -> str:
    name = crate.lower()
    if len(name) <= 2:
        sub = f"{len(name)}/{name}"
    elif len(name) == 3:
        sub = f"3/{name[0]}/{name}"
    else:
        sub = f"{name[:2]}/{name[2:4]}/{name}"
    return f"{INDEX}/{sub}"


def parse_index(text: str) -> list[dict[str, object]]:
    """One JSON object per line: {vers, yanked, features, features2, rust_version, ...}."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def versions(crate: str, *, timeout: float = 5.0, refresh: bool = False) -> list[str] | None:
    """Non-yanked, non-prerelease versions of ``crate`` in publication order; None when unreachable.

    WASM_CODEMOD_OFFLINE=1 answers from the cache only.
    """
    path = cache_root() / "index" / f"{crate}.json"
    cached = None
    try:
        cached = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        pass
    now = time.time()
    if cached is not None and not refresh:
        age = now - float(cached.get("fetched", 0))
        if cached.get("versions") is not None and age < TTL:
            return list(cached["versions"])
        if cached.get("versions") is None and age < FAIL_TTL:
            return None
    if os.environ.get("WASM_CODEMOD_OFFLINE"):
        return list(cached["versions"]) if cached and cached.get("versions") is not None else None
    try:
        with urllib.request.urlopen(index_url(crate), timeout=timeout) as resp:  # noqa: S310 (fixed https host)
            rows = parse_index(resp.read().decode("utf-8"))
        found: list[str] | None = [str(r["vers"]) for r in rows if not r.get("yanked") and "-" not in str(r["vers"])]
    except (OSError, ValueError):
        found = None
    record = {"fetched": now, "versions": found if found is not None else (cached or {}).get("versions")}
    if found is None and cached and cached.get("versions") is not None:
        record["fetched"] = now - TTL + FAIL_TTL  # keep the stale list, retry in an hour
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record), "utf-8")
    except OSError:
        pass
    return record["versions"] if record["versions"] is not None else None


def _key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("+")[0].split("."))


def line_of(version: str) -> str:
    major, minor = version.split(".")[:2]
    return major if major != "0" else f"0.{minor}"


def newest_per_line(vs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in sorted(vs, key=_key):
        out[line_of(v)] = v
    return out
