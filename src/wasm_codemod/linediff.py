"""Line diff in near-linear time, and unified-diff text that `git apply` accepts.

`difflib.SequenceMatcher` is quadratic on long files with repeated lines (a 488 KB file took
143 s). Upgrades change few, scattered lines and never move code, so a patience-style diff is
enough: trim the common ends, anchor on lines that occur once on each side (longest increasing
run of anchors), recurse between anchors; small gaps get an exact diff, and a large gap with no
anchor at all is emitted as one replace (still a correct patch, just not minimal).

Lines split on b"\\n" only, as git does (str.splitlines would also split on \\x0c, \\u2028, ...).
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Iterator

Opcode = tuple[str, int, int, int, int]  # (tag, a_start, a_end, b_start, b_end), 0-based, end exclusive

# below this many line pairs a gap gets difflib's exact answer (cheap at this size)
_EXACT_CELLS = 250_000


def split_lines(data: bytes) -> list[bytes]:
    """Lines with their b"\\n"; a last line without one is kept as it is."""
    parts = data.split(b"\n")
    last = parts.pop()
    lines = [p + b"\n" for p in parts]
    if last:
        lines.append(last)
    return lines


def opcodes(a: list[bytes], b: list[bytes]) -> list[Opcode]:
    """Every range of ``a`` and ``b`` in order, tagged equal / replace / delete / insert."""
    raw: list[Opcode] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        # common prefix and suffix
        pre_a = alo
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo += 1
            blo += 1
        if alo > pre_a:
            raw.append(("equal", pre_a, alo, blo - (alo - pre_a), blo))
        suf = 0
        while alo < ahi - suf and blo < bhi - suf and a[ahi - suf - 1] == b[bhi - suf - 1]:
            suf += 1
        tail = ("equal", ahi - suf, ahi, bhi - suf, bhi) if suf else None
        ahi -= suf
        bhi -= suf
        if alo == ahi or blo == bhi:
            if alo < ahi or blo < bhi:
                raw.append(("delete" if blo == bhi else "insert", alo, ahi, blo, bhi))
        elif (ahi - alo) * (bhi - blo) <= _EXACT_CELLS:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            raw.extend((t, alo + i1, alo + i2, blo + j1, blo + j2) for t, i1, i2, j1, j2 in sm.get_opcodes())
        else:
            anchors = _anchors(a, alo, ahi, b, blo, bhi)
            if not anchors:
                raw.append(("replace", alo, ahi, blo, bhi))
            else:
                # ranges between anchors, pushed in reverse so they pop in order
                pieces = []
                pa, pb = alo, blo
                for ia, ib in anchors:
                    pieces.append((pa, ia, pb, ib))
                    pieces.append((ia, ia + 1, ib, ib + 1))  # the anchor itself: equal, trimmed as prefix
                    pa, pb = ia + 1, ib + 1
                pieces.append((pa, ahi, pb, bhi))
                if tail:
                    pieces.append(tail[1:])
                    tail = None
                stack.extend(reversed(pieces))
        if tail:
            raw.append(tail)
    return _merge(sorted(raw, key=lambda o: (o[1], o[3])))


def _anchors(a: list[bytes], alo: int, ahi: int, b: list[bytes], blo: int, bhi: int) -> list[tuple[int, int]]:
    """(i, j) pairs of lines unique on both sides, longest chain increasing in both."""
    count: dict[bytes, int] = {}
    where: dict[bytes, int] = {}
    for i in range(alo, ahi):
        ln = a[i]
        count[ln] = count.get(ln, 0) + 1
        where[ln] = i
    in_b: dict[bytes, int] = {}
    dup_b: set[bytes] = set()
    for j in range(blo, bhi):
        ln = b[j]
        if count.get(ln) != 1:
            continue
        if ln in in_b:
            dup_b.add(ln)
        in_b[ln] = j
    pairs = sorted((where[ln], j) for ln, j in in_b.items() if ln not in dup_b)
    # longest increasing subsequence of j (patience sorting), pairs already sorted by i
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pairs[k])
        k = prev[k]
    chain.reverse()
    return chain


def _merge(ops: list[Opcode]) -> list[Opcode]:
    """Join neighbours: equal with equal, and any run of non-equal ranges into one."""
    out: list[Opcode] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out:
            t, i1, _i2, j1, _j2 = out[-1]
            same = (t == "equal") == (op[0] == "equal")
            if same:
                tag = "equal" if t == "equal" else _tag(i1, op[2], j1, op[4])
                out[-1] = (tag, i1, op[2], j1, op[4])
                continue
        out.append(op if op[0] == "equal" else (_tag(*op[1:]), *op[1:]))
    return out


def _tag(i1: int, i2: int, j1: int, j2: int) -> str:
    return "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"


def changed(ops: list[Opcode]) -> list[Opcode]:
    return [o for o in ops if o[0] != "equal"]


def _groups(ops: list[Opcode], n: int) -> Iterator[list[Opcode]]:
    """Hunks: changed ranges with up to ``n`` lines of context, joined when their context touches."""
    ops = list(ops)
    if ops and ops[0][0] == "equal":
        _t, i1, i2, j1, j2 = ops[0]
        ops[0] = ("equal", max(i1, i2 - n), i2, max(j1, j2 - n), j2)
    if ops and ops[-1][0] == "equal":
        _t, i1, i2, j1, j2 = ops[-1]
        ops[-1] = ("equal", i1, min(i2, i1 + n), j1, min(j2, j1 + n))
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" and i2 - i1 > 2 * n:
            group.append(("equal", i1, i1 + n, j1, j1 + n))
            yield group
            group = []
            i1, j1 = i2 - n, j2 - n
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def unified(old: bytes, new: bytes, a_name: str, b_name: str, context: int = 3) -> bytes:
    """A unified diff of two byte strings ("" when equal), with git's no-final-newline marker."""
    if old == new:
        return b""
    a, b = split_lines(old), split_lines(new)
    ops = opcodes(a, b)
    out = [f"--- {a_name}\n+++ {b_name}\n".encode()]
    for g in _groups(ops, context):
        i1, i2, j1, j2 = g[0][1], g[-1][2], g[0][3], g[-1][4]
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@\n".encode())
        for tag, s1, s2, t1, t2 in g:
            if tag == "equal":
                out.extend(_mark(b" ", a[s1:s2]))
                continue
            out.extend(_mark(b"-", a[s1:s2]))
            out.extend(_mark(b"+", b[t1:t2]))
    return b"".join(out)


def _mark(prefix: bytes, lines: list[bytes]) -> Iterator[bytes]:
    for ln in lines:
        yield prefix + ln
        if not ln.endswith(b"\n"):
            yield b"\n\\ No newline at end of file\n"
