"""Candidate fixes as byte-range edits, and applying a set of them to one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import CompilerError


@dataclass(frozen=True)
class TextEdit:
    start: int  # byte offsets into the file as on disk
    end: int
    text: str

    def overlaps(self, other: TextEdit) -> bool:
        if self == other:
            return False  # the same edit twice (two errors, one suggestion) is one edit
        if self.start == self.end and other.start == other.end:
            return False  # two insertions at one point: both go in, in order
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end


@dataclass
class Fix:
    """Edits that fix one compiler error, all made or none."""

    source: str  # "rustc" (a suggestion of the compiler) | "known-fix" (a rule a step registered)
    rule: str  # the suggestion's `help:` text, or the rule's note
    file: Path
    edits: tuple[TextEdit, ...]
    error: CompilerError
    step: str | None = None  # the step that registered the rule (known fixes)
    steps: list[str] = field(default_factory=list)  # steps whose edits or reports are at this site
    review: bool = False  # rustc marked it MaybeIncorrect: a person should look at it

    def fingerprint(self) -> tuple[str, str, str, tuple[tuple[int, int, str], ...]]:
        return (str(self.file), self.error.code or "", self.error.message,
                tuple((e.start, e.end, e.text) for e in self.edits))


def choose(fixes: list[Fix]) -> tuple[list[Fix], list[Fix]]:
    """Fixes that can be made together (in order of preference), and those left for a later round
    because one of their edits overlaps an edit already chosen."""
    taken: dict[Path, list[TextEdit]] = {}
    chosen: list[Fix] = []
    later: list[Fix] = []
    for f in fixes:
        have = taken.setdefault(f.file, [])
        if any(e.overlaps(h) for e in f.edits for h in have):
            later.append(f)
            continue
        chosen.append(f)
        have.extend(e for e in f.edits if e not in have)
    return chosen, later


def apply_edits(data: bytes, edits: list[TextEdit]) -> bytes:
    """``data`` with non-overlapping ``edits`` made (duplicates once; insertions at one point in order).
    New lines are written with the file's own line ending."""
    return apply_tracked(data, edits)[0]


def apply_tracked(data: bytes, edits: list[TextEdit]) -> tuple[bytes, dict[TextEdit, tuple[int, int]]]:
    """`apply_edits`, and where each edit's new text lies in the result (byte range)."""
    nl = "\r\n" if b"\r\n" in data else "\n"
    uniq: list[TextEdit] = []
    for e in edits:
        if e not in uniq:
            uniq.append(e)
    for i, a in enumerate(uniq):
        for b in uniq[i + 1:]:
            if a.overlaps(b):
                raise ValueError(f"overlapping edits {a} and {b}")
    order = sorted(range(len(uniq)), key=lambda i: (uniq[i].start, uniq[i].end, i))
    out: list[bytes] = []
    where: dict[TextEdit, tuple[int, int]] = {}
    pos = size = 0
    for i in order:
        e = uniq[i]
        out.append(data[pos:e.start])
        size += e.start - pos
        text = e.text.replace("\r\n", "\n")
        new = (text.replace("\n", nl) if nl != "\n" else text).encode("utf-8")
        out.append(new)
        where[e] = (size, size + len(new))
        size += len(new)
        pos = max(pos, e.end)
    out.append(data[pos:])
    return b"".join(out), where
