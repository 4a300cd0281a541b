"""Rustdoc JSON for published crates, built with cargo in a scratch project and cached.

One scratch project per group (e.g. every wasmtime-family crate at one major), depending on
each crate at its exact version ("=X.Y.Z") with the documented feature set, so the crates
share one dependency build. Hidden items are documented too (`--document-hidden-items`) and
flagged, so the ledger can say "internal" per entry and move tables can name
`#[doc(hidden)]` paths. Output:
``<cache>/rustdoc/<crate>-<version>-<features>.json`` and
``<crate>-<version>.features.json`` (the crate's Cargo features, from `cargo metadata`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .index import cache_root


class BuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class Target:
    crate: str
    version: str
    features: tuple[str, ...] = ()
    default_features: bool = True

    @property
    def feature_key(self) -> str:
        if not self.features and self.default_features:
            return "default"
        spec = ("default," if self.default_features else "") + ",".join(sorted(self.features))
        return hashlib.sha1(spec.encode()).hexdigest()[:10]

    @property
    def lib_name(self) -> str:
        return self.crate.replace("-", "_")


def rustdoc_dir() -> Path:
    return cache_root() / "rustdoc"


def json_path(t: Target) -> Path:
    return rustdoc_dir() / f"{t.crate}-{t.version}-{t.feature_key}.json"


def features_path(crate: str, version: str) -> Path:
    return rustdoc_dir() / f"{crate}-{version}.features.json"


def cached(t: Target) -> bool:
    return json_path(t).is_file() and features_path(t.crate, t.version).is_file()


def manifest(targets: list[Target]) -> str:
    lines = ['[package]', 'name = "apidiff-scratch"', 'version = "0.0.0"', 'edition = "2021"', 'publish = false',
             '', '[dependencies]']
    for t in targets:
        extra = ""
        if t.features:
            extra += ", features = [" + ", ".join(json.dumps(f) for f in sorted(t.features)) + "]"
        if not t.default_features:
            extra += ", default-features = false"
        lines.append(f'{t.crate} = {{ version = "={t.version}"{extra} }}')
    return "\n".join(lines) + "\n\n[workspace]\n"


def build(targets: list[Target], group: str, *, jobs: int = 2,
          log: Callable[[str], None] = print) -> dict[Target, float]:
    """Build what is not cached; returns the seconds each rustdoc run took (0 for cache hits)."""
    todo = [t for t in targets if not cached(t)]
    times = {t: 0.0 for t in targets}
    if not todo:
        return times
    proj = rustdoc_dir() / "proj" / group
    (proj / "src").mkdir(parents=True, exist_ok=True)
    (proj / "src" / "lib.rs").write_text("", "utf-8")
    (proj / "Cargo.toml").write_text(manifest(targets), "utf-8")
    # WASM_CODEMOD_RUSTDOC_TARGET: a second target dir, so two groups can build at once (cargo locks one)
    target_dir = Path(os.environ.get("WASM_CODEMOD_RUSTDOC_TARGET") or rustdoc_dir() / "target")
    env = dict(os.environ, RUSTC_BOOTSTRAP="1", CARGO_TARGET_DIR=str(target_dir), CARGO_TERM_COLOR="never")
    meta = _run(["cargo", "metadata", "--format-version", "1"], proj, env)
    feats = {(p["name"], p["version"]): p["features"] for p in json.loads(meta)["packages"]}
    for t in todo:
        start = time.monotonic()
        log(f"rustdoc {t.crate} {t.version} ({group})")
        _run(["nice", "-n", "10", "cargo", "rustdoc", "-j", str(jobs), "--ignore-rust-version",
              "-p", f"{t.crate}@{t.version}", "--", "-Z", "unstable-options", "--output-format", "json",
              "--document-hidden-items"], proj, env)
        out = target_dir / "doc" / f"{t.lib_name}.json"
        if not out.is_file():
            raise BuildError(f"{t.crate} {t.version}: cargo rustdoc wrote no {out}")
        shutil.copyfile(out, json_path(t))
        if (t.crate, t.version) not in feats:
            raise BuildError(f"{t.crate} {t.version}: not in cargo metadata of {proj}")
        features_path(t.crate, t.version).write_text(json.dumps(feats[(t.crate, t.version)], indent=1), "utf-8")
        times[t] = time.monotonic() - start
    return times


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        tail = "\n".join(p.stderr.strip().splitlines()[-25:])
        raise BuildError(f"`{' '.join(cmd)}` failed in {cwd}:\n{tail}")
    return p.stdout
