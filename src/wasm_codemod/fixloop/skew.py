"""Two copies of the upgraded library in one build: a dependency still built on the old version.

After the manifests are bumped, a dependency that has no release for the target version (or whose
requirement the run did not touch) keeps an old copy of the library in `Cargo.lock`. Where its
types meet the upgraded ones rustc says "mismatched types: expected `Linker<_>`, found
`Linker<T>`" with a note "there are multiple different versions of crate ..."; its suggestions
then point into the old copy (`use wasmtime::runtime::store::context::AsContextMut`) and no
source edit is right: the dependency needs a release on the target version. So the loop leaves
these errors alone, and their follow-ups name the dependencies that pull the old copy in.

Generic: the library is known only by its Rust crate roots (``names``) and the lock file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tomllib

from .diagnostics import CompilerError

# a registry source directory: `.../registry/src/<index>/<package>-<version>/...`
_REGISTRY_DIR = re.compile(r"[/\\](?P<pkg>[A-Za-z0-9_-]+?)-(?P<ver>\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?)[/\\]")


@dataclass(frozen=True)
class OldCopy:
    package: str  # a package of the library, e.g. wasmtime-wasi
    version: str  # the old copy's version
    current: str  # the newest version of the package in the lock (the upgrade's)
    dependents: tuple[str, ...]  # "name version" of packages outside the library that pull it in

    def text(self) -> str:
        by = ", ".join(self.dependents) or "another copy of the library"
        return f"{self.package} {self.version} is built next to {self.current}, pulled in by {by}"


def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", v.split("+")[0].split("-")[0])[:3])


def library_package(pkg: str, names: tuple[str, ...]) -> bool:
    """A package of the upgraded library: its name, or one prefixed by it (`wasmtime-internal-core`)."""
    n = pkg.replace("-", "_")
    return any(n == r or n.startswith(r + "_") for r in names)


def find_lock(crate: Path) -> Path | None:
    for d in [crate, *crate.parents]:
        if (d / "Cargo.lock").is_file():
            return d / "Cargo.lock"
    return None


def old_copies(lock: bytes | None, names: tuple[str, ...]) -> tuple[OldCopy, ...]:
    """Each package of the library that the lock holds at more than one version, at its older ones."""
    if not lock or not names:
        return ()
    try:
        doc = tomllib.loads(lock.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ()
    pkgs = [p for p in doc.get("package", []) if isinstance(p, dict) and "name" in p and "version" in p]
    versions: dict[str, list[str]] = {}
    for p in pkgs:
        if library_package(p["name"], names):
            versions.setdefault(p["name"], []).append(p["version"])
    olds = {(name, v): max(vs, key=_version_key) for name, vs in versions.items() if len(vs) > 1
            for v in set(vs) if v != max(vs, key=_version_key)}
    inside = _closure(pkgs, set(olds))  # what the old copies themselves pull in (winch-codegen 31)
    out = []
    for (name, v), newest in sorted(olds.items(), key=lambda kv: (kv[0][0], _version_key(kv[0][1]))):
        # with two versions in the lock, cargo writes the dependency as "name version"
        deps = tuple(sorted(f"{p['name']} {p['version']}" for p in pkgs
                            if f"{name} {v}" in p.get("dependencies", ())
                            and not library_package(p["name"], names) and (p["name"], p["version"]) not in inside))
        out.append(OldCopy(name, v, newest, deps))
    return tuple(out)


def _closure(pkgs: list[dict], start: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """``start`` and every package they depend on, transitively."""
    by_name: dict[str, list[str]] = {}
    for p in pkgs:
        by_name.setdefault(p["name"], []).append(p["version"])
    deps = {(p["name"], p["version"]): p.get("dependencies", ()) for p in pkgs}
    seen, todo = set(start), list(start)
    while todo:
        for d in deps.get(todo.pop(), ()):
            parts = str(d).split()
            vs = [parts[1]] if len(parts) > 1 else by_name.get(parts[0], [])[:1]
            for v in vs:
                if (parts[0], v) not in seen:
                    seen.add((parts[0], v))
                    todo.append((parts[0], v))
    return seen


def skew_of(err: CompilerError, copies: tuple[OldCopy, ...]) -> OldCopy | None:
    """The old copy whose source one of the error's spans (or its notes') lies in."""
    if not copies:
        return None
    by = {(c.package, c.version): c for c in copies}
    for f in err.files:
        for m in _REGISTRY_DIR.finditer(f):
            c = by.get((m.group("pkg"), m.group("ver")))
            if c is not None:
                return c
    return None


def summary(copies: tuple[OldCopy, ...]) -> str:
    """One line for the follow-ups: which dependencies keep which old copies."""
    deps = sorted({d for c in copies for d in c.dependents})
    # the packages the dependencies name first (wasmtime before wasmtime-environ)
    olds = list(dict.fromkeys(f"{c.package} {c.version}" for c in sorted(copies, key=lambda c: not c.dependents)))
    head = f"old copies in the build: {', '.join(olds[:3])}{' ...' if len(olds) > 3 else ''}"
    return head + (f"; pulled in by {', '.join(deps)}: each needs a release built on the new version"
                   if deps else "")
