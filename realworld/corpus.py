"""The corpus file (one maintainers' upgrade commit per line) and where its mirrors live."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / "realworld-dev.tsv"
LABELS = HERE / "labels"


def cache_root() -> Path:
    """Trees, run results and cargo targets: never inside the project."""
    env = os.environ.get("WASM_CODEMOD_REALWORLD_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "wasm-codemod" / "realworld"


def corpus_path() -> Path:
    env = os.environ.get("WASM_CODEMOD_CORPUS")
    return Path(env) if env else DEFAULT_CORPUS


def mirror_roots() -> list[Path]:
    env = os.environ.get("WASM_CODEMOD_MIRRORS")
    roots = [Path(p) for p in env.split(os.pathsep) if p] if env else []
    return roots + [Path.home() / ".cache" / "wasm-codemod" / "mirrors"]


@dataclass(frozen=True)
class Pair:
    name: str
    repo: str  # GitHub owner/name
    before: str
    after: str
    from_: str
    to: str
    in_scope: str  # yes | partial | guest

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def guest(self) -> bool:
        return self.in_scope == "guest"

    @property
    def target(self) -> str:
        """The version to pass to the tool: `wit-bindgen 0.43` -> `0.43`."""
        return self.to.split()[-1]

    def tool_args(self) -> list[str]:
        return ["--guest-to", self.target] if self.guest else ["--to", self.target]


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def load_corpus(path: Path | None = None) -> list[Pair]:
    with (path or corpus_path()).open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pairs = [Pair(r["name"], r["repo"], r["before"], r["after"], r["from"], r["to"], r["in_scope"]) for r in rows]
    slugs = [p.slug for p in pairs]
    dup = {s for s in slugs if slugs.count(s) > 1}
    if dup:
        raise ValueError(f"corpus names must give distinct slugs: {sorted(dup)}")
    return pairs


def find_mirror(repo: str, roots: list[Path] | None = None) -> Path | None:
    """A git dir for owner/name: `<root>/<owner>+<name>/repo` or `<root>/<owner>/<name>.git`."""
    owner, name = repo.split("/", 1)
    for root in roots if roots is not None else mirror_roots():
        for cand in (root / f"{owner}+{name}" / "repo", root / owner / f"{name}.git", root / owner / name):
            for gitdir in (cand, cand / ".git"):
                if (gitdir / "HEAD").is_file() and (gitdir / "objects").is_dir():
                    return gitdir
    return None


def select(pairs: list[Pair], names: list[str] | None) -> list[Pair]:
    """Pairs whose slug or repo contains any of `names` (all when none given)."""
    if not names:
        return pairs
    keys = [slugify(n) for n in names]
    return [p for p in pairs if any(k in p.slug or k in slugify(p.repo) for k in keys)]
