"""Score one file: which maintainers' hunks the tool reproduced or reported, and its extra edits.

The comparison (docs/realworld.md has the prose version):

- Change blocks of both sides (maintainers' and tool's, each against the same `before`) are
  grouped into *clusters*: blocks whose old ranges overlap or touch, transitively.
- In a cluster, each side's new text over the cluster's old span is compared with `use`
  declarations left out, whitespace removed and trailing commas before a closing bracket
  dropped (so rustfmt's reflows compare equal); in `.toml` files a version requirement compares
  by its compatibility line ("=36.0.2" ~ "36").
- Imports are compared as sets of flattened paths per scope, not as lines: a hunk's import delta
  (paths its touched `use` declarations add/remove, which the maintainers' file as a whole
  really gained/lost) must hold in the tool's file, wherever the tool put the `use`. In a
  declaration over several lines only the paths written on the touched lines count (one line
  of a big `use { .. }` is not the whole group). Two
  spellings of one import compare equal (uses.py): `use krate;` / `use krate::{self}` import
  nothing in edition 2018+ and are left out, and a re-export names its item's original path
  (`wasmtime_wasi::ResourceTable` is `wasmtime::component::ResourceTable`, uses.REEXPORTS).
- A hunk is *reproduced* when every (selected) block's cluster compares equal and its import
  delta holds (for a label with `only`, when the lines it matches agree: see _only_ok); else
  *reported* when a tool follow-up (mapped back to old lines) lies within 3 lines of the hunk's
  changed lines; else *missed*.
- A tool block is *matched* when its import delta agrees with the maintainers' file and either
  its cluster compares equal and holds a maintainers' block (or, alone, the block moves imports
  the maintainers moved too), or it shares a cluster with a maintainers' block and each line it
  adds is a line of the maintainers' file and each it removes is not. Every other tool block is
  an *extra*, keyed by file and a hash of its normalized change so a person's label survives
  line shifts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .diffs import Block, Hunk, apply_blocks, short_hash, squash, toml_line_norm
from .uses import FileUses, Import, alias_map, expand, import_path

REPORT_RADIUS = 3


@dataclass
class Extra:
    file: str
    key: str  # "<file>:<hash>"
    old_line: int  # 1-based, for people
    block: Block


@dataclass
class FileResult:
    status: dict[str, str] = field(default_factory=dict)  # hunk id -> reproduced | reported | missed
    touched: set[str] = field(default_factory=set)  # hunk ids whose clusters hold a tool block
    extras: list[Extra] = field(default_factory=list)


def block_key(file: str, b: Block, toml: bool) -> str:
    rem = [toml_line_norm(x) for x in b.removed] if toml else b.removed
    add = [toml_line_norm(x) for x in b.added] if toml else b.added
    return f"{file}:{short_hash(Block(0, 0, 0, rem, add).text_key())}"


class _Union:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.p[self.find(a)] = self.find(b)


def _touch(a: Block, b: Block) -> bool:
    return a.old_start <= b.old_end and b.old_start <= a.old_end


def _side_text(before: list[str], blocks: list[Block], span: tuple[int, int], use_before: set[int],
               use_after: set[int], toml: bool, amap: dict[str, str] | None = None) -> str:
    """One side's code over `span`: `use` lines left out, imported names written as full paths
    (with that side's own imports: they give the text its meaning), whitespace squashed."""
    s, e = span
    out: list[str] = []
    pos = s
    for b in sorted(blocks, key=lambda b: b.old_start):
        out += [before[i] for i in range(pos, b.old_start) if i not in use_before]
        out += [t for k, t in enumerate(b.added) if b.new_start + k not in use_after]
        pos = max(pos, b.old_end)
    out += [before[i] for i in range(pos, e) if i not in use_before]
    if toml:
        out = [toml_line_norm(x) for x in out]
    elif amap:
        out = [expand(x, amap) for x in out]
    return squash("\n".join(out))


def _code(lines: list[str], use_lines: set[int], amap: dict[str, str]) -> str:
    return squash("\n".join(expand(x, amap) for i, x in enumerate(lines) if i not in use_lines))


def _delta(b_uses: FileUses, a_uses: FileUses, blocks: list[Block]) -> tuple[set[Import], set[Import]]:
    """Imports these blocks add and remove, as far as the whole file really gained or lost them."""
    pb: set[Import] = set()
    pa: set[Import] = set()
    for b in blocks:
        if b.removed:
            pb |= b_uses.touching(b.old_start, b.old_end)
        if b.added:
            pa |= a_uses.touching(b.new_start, b.new_start + len(b.added))
    ib, ia = b_uses.imports, a_uses.imports
    return (pa - pb) & (ia - ib), (pb - pa) & (ib - ia)


def _only_ok(blocks: list[Block], pattern: str, after_m: list[str], after_t: list[str], toml: bool) -> bool:
    """For a hunk that mixes one mechanical change into others (a dependency line among a table's
    rewrite): each added line the regex matches must be in the tool's file, and each removed one
    the maintainers did not keep must be gone from it, order and placement free."""
    rx = re.compile(pattern)

    def norm(x: str) -> str:
        return squash(toml_line_norm(x) if toml else x)

    in_t, in_m = {norm(x) for x in after_t}, {norm(x) for x in after_m}
    add = [norm(x) for b in blocks for x in b.added if rx.search(x)]
    rem = [norm(x) for b in blocks for x in b.removed if rx.search(x)]
    return bool(add or rem) and all(x in in_t for x in add) and not any(x in in_t for x in rem if x not in in_m)


def _lines_agree(b: Block, after_m: list[str], toml: bool) -> bool:
    """Every line the tool block adds is in the maintainers' file, every line it removes is not."""
    def norm(x: str) -> str:
        return squash(toml_line_norm(x) if toml else x)

    in_m = {norm(x) for x in after_m}
    add = [norm(x) for x in b.added if norm(x)]
    rem = [norm(x) for x in b.removed if norm(x)]
    return bool(add or rem) and all(x in in_m for x in add) and not any(x in in_m for x in rem)


def score_file(path: str, before: list[str], hunks: list[Hunk], tool_blocks: list[Block],
               follow_up_old_lines: list[int], selected: dict[str, list[int]] | None = None,
               only: dict[str, str] | None = None) -> FileResult:
    """`selected`: hunk id -> indices of the blocks that count (a label's `blocks`); default all.
    `only`: hunk id -> a regex (a label's `only`): just the changed lines it matches count, compared
    as lines of the whole file (see _only_ok)."""
    toml = path.endswith(".toml")
    rust = path.endswith(".rs")
    m_blocks = [b for h in hunks for b in h.blocks]
    after_m = apply_blocks(before, m_blocks)
    after_t = apply_blocks(before, tool_blocks)
    empty = FileUses([])
    ub, um, ut = (FileUses.of(before), FileUses.of(after_m), FileUses.of(after_t)) if rust else (empty,) * 3
    lb, lm, lt = ub.lines, um.lines, ut.lines
    am, at = (alias_map(um.imports), alias_map(ut.imports)) if rust else ({}, {})

    allb = m_blocks + tool_blocks
    u = _Union(len(allb))
    for i in range(len(allb)):
        for j in range(i + 1, len(allb)):
            if _touch(allb[i], allb[j]):
                u.join(i, j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(allb)):
        clusters.setdefault(u.find(i), []).append(i)
    equal: dict[int, bool] = {}
    for root, members in clusters.items():
        span = (min(allb[i].old_start for i in members), max(allb[i].old_end for i in members))
        mb = [allb[i] for i in members if i < len(m_blocks)]
        tb = [allb[i] for i in members if i >= len(m_blocks)]
        equal[root] = (_side_text(before, mb, span, lb, lm, toml, am)
                       == _side_text(before, tb, span, lb, lt, toml, at))

    res = FileResult()
    it, im = ut.imports, um.imports
    code_t, code_m = (_code(after_t, lt, at), _code(after_m, lm, am)) if rust else ("", "")

    def held(imps: set[Import], imports: set[Import], code: str) -> bool:
        """Imports added are held by a `use` or by writing the full path in code."""
        return all(i in imports or squash(import_path(i)) in code for i in imps)

    idx = 0
    for h in hunks:
        ids = list(range(idx, idx + len(h.blocks)))
        idx += len(h.blocks)
        if any(j >= len(m_blocks) for i in ids for j in clusters[u.find(i)]):
            res.touched.add(h.id)
        pick = (selected or {}).get(h.id)
        chosen = [ids[k] for k in pick if 0 <= k < len(ids)] if pick else ids
        add, rem = _delta(ub, um, [allb[i] for i in chosen])
        code_ok = all(equal[u.find(i)] for i in chosen) and held(add, it, code_t) and not (rem & it)
        if h.id in (only or {}):
            code_ok = _only_ok([allb[i] for i in chosen], (only or {})[h.id], after_m, after_t, toml)
        if code_ok:
            res.status[h.id] = "reproduced"
            continue
        s, e = min(allb[i].old_start for i in chosen), max(allb[i].old_end for i in chosen)
        lo, hi = s - REPORT_RADIUS, max(e - 1, s) + REPORT_RADIUS
        res.status[h.id] = "reported" if any(lo <= ln <= hi for ln in follow_up_old_lines) else "missed"

    for k, b in enumerate(tool_blocks):
        i = len(m_blocks) + k
        members = clusters[u.find(i)]
        has_m = any(j < len(m_blocks) for j in members)
        add, rem = _delta(ub, ut, [b])
        agrees = held(add, im, code_m) and not (rem & im)
        # alone in its cluster, an equal block changed only imports (or only whitespace): it is
        # part of the maintainers' change only if it moved imports they moved too
        if agrees and equal[u.find(i)] and (has_m or add or rem):
            continue
        # inside a region the maintainers rewrote more widely: the tool's lines agree with theirs
        if has_m and agrees and _lines_agree(b, after_m, toml):
            continue
        res.extras.append(Extra(path, block_key(path, b, toml), b.old_start + 1, b))
    return res
