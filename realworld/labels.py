"""Label files (realworld/labels/<slug>.toml): one per pair, hunk ids and labels, no project code.

    python3 -m realworld.labels PAIR... [--show [all|unlabeled|LABEL]] [--write]
    python3 -m realworld.labels PAIR --set LABEL --match REGEX --note NOTE
    python3 -m realworld.labels PAIR --extra CLASS --match REGEX --note NOTE [--equiv HUNK_ID]

`--write` adds every maintainers' hunk that has no label yet, pre-labelled by the conservative
rules below where one applies (by = "rule:<name>") and as "?" otherwise, keeping every existing
label. A person then reads the "?" hunks (`--show unlabeled` prints them with their ids) and
sets label, by = "read" and a one-line note. Labels never depend on tool output; only `[[extra]]`
entries (the tool's edits the maintainers did not make) are keyed by the tool's change.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit

from .corpus import LABELS, Pair, find_mirror, load_corpus, select
from .diffs import FileDiff, Hunk, squash, toml_line_norm
from .trees import cat_blobs, git, ls_tree

LABEL_KINDS = ("mechanical", "judgement", "unrelated")
EXTRA_KINDS = ("correct", "harmless", "wrong")
PATHSPEC = ["*.rs", "*.toml", "*.wit", ":(exclude)Cargo.lock", ":(exclude)**/Cargo.lock"]

# Crates published in lock-step with wasmtime, and the guest family.
WASMTIME_CRATE = re.compile(r"^(wasmtime(-[\w-]+)?|wasi-common|wiggle(-[\w-]+)?|cranelift(-[\w-]+)?|winch(-[\w-]+)?"
                            r"|pulley(-[\w-]+)?|wasi-preview1-component-adapter-provider)$")
GUEST_CRATE = re.compile(r"^wit-bindgen(-rt)?$")
# Words that make a file relevant to an upgrade: any wasmtime-family or component API.
RELEVANT = re.compile(r"wasmtime|wasi|wit[-_]bindgen|wiggle|cranelift|component|bindgen!|wit[-_]parser|"
                      r"\bwit\b|Linker|Store<|Engine|Val\b|Func\b|ResourceTable|preview[12]", re.I)


@dataclass
class Label:
    id: str
    label: str  # mechanical | judgement | unrelated | ? (not read yet)
    by: str = ""
    note: str = ""
    blocks: list[int] | None = None
    only: str | None = None  # regex: only the changed lines it matches are mechanical


@dataclass
class ExtraLabel:
    key: str
    cls: str  # correct | harmless | wrong
    note: str = ""
    equivalent_to: str | None = None


@dataclass
class LabelFile:
    hunks: dict[str, Label] = field(default_factory=dict)
    extras: dict[str, ExtraLabel] = field(default_factory=dict)


def label_path(pair: Pair) -> Path:
    return LABELS / f"{pair.slug}.toml"


def load_labels(pair: Pair) -> LabelFile:
    p = label_path(pair)
    lf = LabelFile()
    if not p.is_file():
        return lf
    doc: dict[str, Any] = tomlkit.parse(p.read_text(encoding="utf-8")).unwrap()
    for h in doc.get("hunk", []):
        lf.hunks[h["id"]] = Label(h["id"], h["label"], h.get("by", ""), h.get("note", ""), h.get("blocks"),
                                 h.get("only"))
    for e in doc.get("extra", []):
        lf.extras[e["key"]] = ExtraLabel(e["key"], e["class"], e.get("note", ""), e.get("equivalent_to"))
    return lf


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dump_labels(pair: Pair, lf: LabelFile, order: list[str]) -> str:
    """Hunks in diff order (`order`), then labels whose hunk is gone (kept, so nothing is lost silently)."""
    lines = [f"# {pair.name}: {pair.repo} {pair.before[:12]}..{pair.after[:12]} ({pair.from_} -> {pair.to})",
             "# Maintainers' hunks of `git diff BEFORE AFTER -- '*.rs' '*.toml' '*.wit'`, by id (file#index-hash).",
             "# label: mechanical | judgement | unrelated; by: rule:<name> (pre-label) or read (a person).", ""]
    ids = [i for i in order if i in lf.hunks] + [i for i in lf.hunks if i not in order]
    for i in ids:
        h = lf.hunks[i]
        lines += ["[[hunk]]", f"id = {_q(h.id)}", f"label = {_q(h.label)}"]
        if h.by:
            lines.append(f"by = {_q(h.by)}")
        if h.blocks is not None:
            lines.append(f"blocks = [{', '.join(map(str, h.blocks))}]")
        if h.only is not None:
            lines.append(f"only = {_q(h.only)}")
        if h.note:
            lines.append(f"note = {_q(h.note)}")
        lines.append("")
    for e in lf.extras.values():
        lines += ["[[extra]]", f"key = {_q(e.key)}", f"class = {_q(e.cls)}"]
        if e.equivalent_to:
            lines.append(f"equivalent_to = {_q(e.equivalent_to)}")
        if e.note:
            lines.append(f"note = {_q(e.note)}")
        lines.append("")
    return "\n".join(lines)


def maintainers_diff(mirror: Path, pair: Pair) -> str:
    return git("diff", "--no-color", "--no-ext-diff", "--no-renames", pair.before, pair.after, "--", *PATHSPEC,
               gitdir=mirror).decode("utf-8", "surrogateescape")


def file_texts(mirror: Path, commit: str, paths: list[str]) -> dict[str, str | None]:
    blobs = cat_blobs(mirror, [f"{commit}:{p}" for p in paths])
    return {p: (None if blobs.get(f"{commit}:{p}") is None else
                (blobs[f"{commit}:{p}"] or b"").decode("utf-8", "surrogateescape")) for p in paths}


def lines_of(text: str | None) -> list[str]:
    if not text:
        return []
    parts = text.split("\n")
    return parts[:-1] if text.endswith("\n") else parts


# ---- pre-labelling rules: each returns (label, note) or None --------------------------------

DEP_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)(?:\.workspace)?\s*=\s*(.*)$")
DEP_TABLE = re.compile(r"^\s*\[(?:[\w.\"-]*\.)?(?:dev-|build-)?dependencies\.([A-Za-z0-9_-]+)\]\s*$")
VERSION_KEY = re.compile(r'^\s*version\s*=\s*"[^"]*"\s*(#.*)?$')


def _dep_name(line: str) -> str | None:
    m = DEP_LINE.match(line)
    return m[1] if m else None


def _version_masked(line: str) -> str:
    return re.sub(r'"[^"]*\d[^"]*"', '"V"', toml_line_norm(line))


def _table_of(before: list[str], idx: int) -> str | None:
    """The dependency named by the `[dependencies.X]` table that line idx sits in, if any."""
    for i in range(min(idx, len(before) - 1), -1, -1):
        s = before[i].strip()
        if s.startswith("["):
            m = DEP_TABLE.match(before[i])
            return m[1] if m else None
    return None


def wasmtime_dependents(mirror: Path, commit: str) -> set[str]:
    """Registry/git crates that depend on a wasmtime crate themselves, from the tree's Cargo.lock files:
    bumping one of them goes with a wasmtime upgrade (two wasmtime lines can't share a build)."""
    locks = [path for _, typ, _, path in ls_tree(mirror, commit) if typ == "blob" and path.endswith("Cargo.lock")]
    out: set[str] = set()
    for text in file_texts(mirror, commit, locks).values():
        if not text:
            continue
        try:
            doc = tomlkit.parse(text).unwrap()
        except tomlkit.exceptions.ParseError:
            continue
        for pkg in doc.get("package", []):
            deps = [d.split()[0] for d in pkg.get("dependencies", [])]
            if pkg.get("source") and not WASMTIME_CRATE.match(pkg["name"]) and any(
                    d == "wasmtime" or d.startswith("wasmtime-") for d in deps):
                out.add(pkg["name"])
    return out


def rule_label(pair: Pair, fd: FileDiff, h: Hunk, before: list[str], after_text: str,
               dependents: set[str] | None = None) -> tuple[str, str, str] | None:
    rem = [ln[1:] for ln in h.lines if ln[:1] == "-"]
    add = [ln[1:] for ln in h.lines if ln[:1] == "+"]
    if squash("\n".join(rem)) == squash("\n".join(add)):
        return "unrelated", "format-only", "whitespace or trailing commas only"
    path = fd.path
    if path.endswith(".wit"):
        if re.search(r"(^|/)wit/deps/", path) and (fd.old_path is None or fd.new_path is None):
            return "judgement", "wit-revendor", "re-vendored WIT package: whole file added or removed"
        return _wit_rule(path, rem, add)
    if re.search(r"(^|/)supply-chain/", path):
        return "unrelated", "cargo-vet", "cargo-vet audit data"
    if path.endswith(".toml"):
        return _toml_rule(pair, h, before, dependents or set())
    if path.endswith(".rs"):
        text = "\n".join(before) + "\n" + after_text
        if not RELEVANT.search(text):
            return "unrelated", "unrelated-file", "file mentions no wasmtime, WASI, wit-bindgen or component API"
        if all(re.match(r"^\s*(//.*)?$", x) for x in rem + add):
            return "unrelated", "comments-only", "comments or blank lines only"
    return None


WIT_FLOAT = re.compile(r"\bfloat(32|64)\b")
# Lines a re-vendored WASI WIT package changes without changing its interface: docs, feature
# gates and version numbers.
WIT_VENDOR_NOISE = re.compile(r"^\s*(//.*|@(since|unstable|deprecated)\(.*\)\s*|)$")
WIT_VERSION = re.compile(r"@\d+\.\d+\.\d+(-[\w.]+)?")


def _wit_rule(path: str, rem: list[str], add: list[str]) -> tuple[str, str, str] | None:
    if rem and squash("\n".join(WIT_FLOAT.sub(r"f\1", x) for x in rem)) == squash("\n".join(add)):
        return "mechanical", "wit-float-types", "WIT float32/float64 -> f32/f64"
    if re.search(r"(^|/)wit/deps/", path):
        def core(lines: list[str]) -> list[str]:
            return [WIT_VERSION.sub("@V", x) for x in lines if not WIT_VENDOR_NOISE.match(x)]
        if core(rem) == core(add):
            return "judgement", "wit-revendor", "re-vendored WASI WIT: docs, feature gates, versions only"
    return None


def _toml_rule(pair: Pair, h: Hunk, before: list[str], dependents: set[str]) -> tuple[str, str, str] | None:
    rem = [(b.old_start + k, ln) for b in h.blocks for k, ln in enumerate(b.removed)]
    add = [ln for b in h.blocks for ln in b.added]
    if len(rem) != len(add):
        return None
    names: list[str] = []
    for (idx, r), a in zip(rem, add, strict=True):
        if _version_masked(r) != _version_masked(a):
            return None
        name = _dep_name(r)
        if VERSION_KEY.match(r):
            name = _table_of(before, idx)
        elif name == "version":
            return None
        if name is None or _dep_name(a) not in (name, "version"):
            return None
        names.append(name)
    fam = [n for n in names if WASMTIME_CRATE.match(n)]
    guest = [n for n in names if GUEST_CRATE.match(n)]
    dep = [n for n in names if n in dependents and not pair.guest]
    other = [n for n in names if n not in fam and n not in guest and n not in dep]
    ours = guest if pair.guest else fam + dep
    if ours and not other and len(ours) == len(names):
        why = f" ({', '.join(sorted(set(dep)))} depends on wasmtime: bump or report)" if dep else ""
        return "mechanical", "version-bump", f"version of {', '.join(sorted(set(ours)))}{why}"
    if other and not fam and not guest and not dep:
        return "unrelated", "other-dep-bump", f"version of {', '.join(sorted(set(other)))}"
    if guest and not pair.guest and not fam and not other:
        return "judgement", "guest-bump-in-host-pair", "wit-bindgen version, not asked by --to"
    return None


def prelabel(pair: Pair, mirror: Path, lf: LabelFile) -> tuple[LabelFile, list[str], dict[str, FileDiff]]:
    from .diffs import parse_diff

    files = parse_diff(maintainers_diff(mirror, pair))
    dependents = wasmtime_dependents(mirror, pair.before)
    befores = file_texts(mirror, pair.before, list(files))
    afters = file_texts(mirror, pair.after, list(files))
    order: list[str] = []
    for path, fd in files.items():
        before = lines_of(befores[path])
        for h in fd.hunks:
            order.append(h.id)
            # a person's label stands; rules are recomputed (they may have improved)
            if h.id in lf.hunks and lf.hunks[h.id].by == "read":
                continue
            r = rule_label(pair, fd, h, before, afters[path] or "", dependents)
            lf.hunks[h.id] = Label(h.id, r[0], f"rule:{r[1]}", r[2]) if r else Label(h.id, "?")
    return lf, order, files


def show(files: dict[str, FileDiff], lf: LabelFile, which: str, compact: bool = False) -> str:
    out = []
    for fd in files.values():
        for h in fd.hunks:
            lab = lf.hunks.get(h.id)
            kind = lab.label if lab else "?"
            if which == "unlabeled" and kind != "?" or which not in ("all", "unlabeled") and kind != which:
                continue
            out.append(f"=== {h.id}  [{kind}{' ' + lab.by if lab and lab.by else ''}]  old line {h.old_start + 1}"
                       + (f"  # {lab.note}" if lab and lab.note else ""))
            out += [ln for ln in h.lines if ln[:1] in "+-"] if compact else h.lines
    return "\n".join(out)


def set_labels(lf: LabelFile, order: list[str], pattern: str, label: str, note: str, force: bool) -> int:
    """Label every hunk whose id matches `pattern` (regex) and is unread ("?" or a rule's), or any with force."""
    n = 0
    for i in order:
        h = lf.hunks[i]
        if re.search(pattern, i) and (force or h.label == "?"):
            lf.hunks[i] = Label(i, label, "read", note, h.blocks, h.only)
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m realworld.labels", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("--show", nargs="?", const="unlabeled", help="all | unlabeled | mechanical | judgement | unrelated")
    ap.add_argument("--write", action="store_true", help="add missing hunks to the label files")
    ap.add_argument("--compact", action="store_true", help="--show only the changed lines")
    ap.add_argument("--set", metavar="LABEL", choices=LABEL_KINDS, help="label the unread hunks matching --match")
    ap.add_argument("--match", default=".", help="regex over hunk ids, for --set")
    ap.add_argument("--note", default="", help="the note for --set")
    ap.add_argument("--force", action="store_true", help="--set also relabels hunks already labelled")
    ap.add_argument("--extra", metavar="CLASS", choices=EXTRA_KINDS,
                    help="classify the current run's extras whose key matches --match (see score.py --explain)")
    ap.add_argument("--equiv", metavar="HUNK_ID",
                    help="with --extra: the maintainers' hunk these edits are equivalent to")
    a = ap.parse_args(argv)
    for pair in select(load_corpus(), a.pairs):
        mirror = find_mirror(pair.repo)
        if mirror is None:
            print(f"{pair.name}: no mirror, skipped", file=sys.stderr)
            continue
        lf, order, files = prelabel(pair, mirror, load_labels(pair))
        if a.set:
            n = set_labels(lf, order, a.match, a.set, a.note, a.force)
            print(f"{pair.name}: {n} hunk(s) labelled {a.set}", file=sys.stderr)
        if a.extra:
            from .run import run_pair, tool
            from .score import score_pair

            keys = [e.key for e, _ in score_pair(pair, run_pair(pair, tool())).extras if re.search(a.match, e.key)]
            for k, key in enumerate(dict.fromkeys(keys)):
                lf.extras[key] = ExtraLabel(key, a.extra, a.note, a.equiv if k == 0 else None)
            print(f"{pair.name}: {len(set(keys))} extra(s) classified {a.extra}", file=sys.stderr)
        counts = {k: sum(1 for i in order if lf.hunks[i].label == k) for k in (*LABEL_KINDS, "?")}
        print(f"{pair.name} ({pair.slug}): {len(order)} hunks {counts}", file=sys.stderr)
        if a.write or a.set or a.extra:
            LABELS.mkdir(parents=True, exist_ok=True)
            label_path(pair).write_text(dump_labels(pair, lf, order), encoding="utf-8")
        if a.show:
            print(show(files, lf, a.show, a.compact))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
