"""Which compiler errors the loop acts on, and the fixes it takes for them.

1. known fixes (`transform.CompilerFix`) the plan's steps register, for errors whose fix needs
   types the syntax does not carry;
2. the steps' path tables (`moves.py`): a name rustc cannot find that a step moved;
3. rustc's own suggestions: `MachineApplicable` ones, and `MaybeIncorrect` ones whose `help:` is of
   a kind that is right when it compiles (`MAYBE_OK`): import an item or the trait that provides a
   method, call the method with the similar name, add the lifetime or bound rustc spells out. An
   import with several candidates is taken only when exactly one names the upgraded library.
   Placeholders (`/* store */`) never. Only for errors at a line the upgrade changed or reported,
   or whose text names the upgraded library (``names``: its Rust crate roots).

Nothing outside the run's roots is edited (nor `target/`, `.git/`, `vendor/`, symlinks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..transform import CompilerFix
from .diagnostics import CompilerError, Span, Suggestion, span_matches
from .edits import Fix, TextEdit
from .skew import OldCopy

MAYBE_OK = tuple(re.compile(p) for p in (
    r"^consider importing (this|one of these|these)\b",
    r"^trait `\w+` which provides `\w+` is implemented but not in scope",
    r"^the following traits? which provides? `\w+` (are|is) implemented but not in scope",
    r"^there is an? (method|associated function|associated constant) `\w+` with a similar name",
    r"^a method with a similar name exists",
    r"^consider introducing a named lifetime parameter",
    r"^consider (further )?restricting (this bound|type parameter|the type parameter)",
    r"^consider adding an explicit lifetime bound",
    r"^indicate the anonymous lifetime",
    r"^use `\?` to coerce and return an appropriate `Err`",
))
SKIP_DIRS = {"target", ".git", "vendor"}


@dataclass(frozen=True)
class Scope:
    """What the loop may touch and what counts as the upgrade's business."""

    roots: tuple[Path, ...]  # resolved
    names: tuple[str, ...]  # Rust crate roots of the upgraded families, e.g. ("wasmtime", "wasmtime_wasi")
    # lines (1-based, of the current file) the upgrade changed or reported -> the steps responsible
    touched: dict[Path, dict[int, tuple[str, ...]]]
    # packages of the library the lock still holds at an old version too (skew.py)
    old: tuple[OldCopy, ...] = ()

    def editable(self, path: Path) -> bool:
        for r in self.roots:
            try:
                rel = path.relative_to(r)
            except ValueError:
                continue
            return not (set(rel.parts[:-1]) & SKIP_DIRS) and path.suffix == ".rs" and not path.is_symlink()
        return False

    def names_library(self, text: str) -> bool:
        return any(re.search(rf"\b{re.escape(n)}\b", text) for n in self.names)

    def relevant(self, err: CompilerError) -> bool:
        p = err.primary
        if p is None or not self.editable(p.file):
            return False
        lines = self.touched.get(p.file, {})
        if any(ln in lines for ln in range(p.line - 1, p.end_line + 2)):
            return True
        return self.names_library(err.text()) or any(
            self.names_library(s.replacement or "") for sg in err.suggestions for ch in sg.choices for s in ch)


def rustc_fixes(err: CompilerError, scope: Scope, data: dict[Path, bytes]) -> list[Fix]:
    """The suggestions of ``err`` the loop may take, as fixes, in rustc's order."""
    out = []
    for sg in err.suggestions:
        choice = _pick(sg, scope, data)
        if choice is None:
            continue
        edits = _edits(choice, scope, data)
        if edits is not None:
            out.append(Fix("rustc", sg.message, choice[0].file, edits, err,
                           review=sg.applicability != "MachineApplicable"))
    return out


def _pick(sg: Suggestion, scope: Scope, data: dict[Path, bytes]) -> tuple[Span, ...] | None:
    if sg.applicability == "MachineApplicable":
        pass
    elif sg.applicability == "MaybeIncorrect" and any(p.search(sg.message) for p in MAYBE_OK):
        if "similar name" in sg.message and not all(_close(s, data) for c in sg.choices for s in c):
            return None
    else:
        return None
    if len(sg.choices) == 1:
        return sg.choices[0]
    ours = [c for c in sg.choices if any(scope.names_library(s.replacement or "") for s in c)]
    return ours[0] if len(ours) == 1 else None


def _close(span: Span, data: dict[Path, bytes]) -> bool:
    """A similar name rustc offers is taken only when one name contains the other or they differ in
    at most two characters (`stream` -> `p2_stream`); rustc also offers unrelated neighbours
    (`wasm_component_model_more_flags` -> `wasm_component_model_gc`) that compile and mean something else."""
    buf = data.get(span.file)
    if buf is None or span.replacement is None:
        return False
    old, new = buf[span.start:span.end].decode("utf-8", "replace"), span.replacement
    return old in new or new in old or _distance(old, new) <= 2


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _edits(spans: tuple[Span, ...], scope: Scope, data: dict[Path, bytes]) -> tuple[TextEdit, ...] | None:
    files = {s.file for s in spans}
    if len(files) != 1:
        return None  # a fix across files: not worth the risk
    f = next(iter(files))
    if not scope.editable(f) or any(s.in_macro for s in spans):
        return None
    buf = data.get(f)
    if buf is None or not all(span_matches(s, buf) for s in spans):
        return None  # the file is not what rustc saw
    if any("/*" in (s.replacement or "") and "*/" in (s.replacement or "") for s in spans):
        return None  # a placeholder comment, whatever the applicability says
    return tuple(_at_line_start(TextEdit(s.start, s.end, s.replacement or ""), buf) for s in spans)


def _at_line_start(e: TextEdit, data: bytes) -> TextEdit:
    """rustc inserts new lines (`use x;\n`) where the next item's text starts, after its indentation;
    insert them at the start of that line, indented like it (what rustfmt would make of it)."""
    if e.start != e.end or not e.text.endswith("\n"):
        return e
    ls = data.rfind(b"\n", 0, e.start) + 1
    indent = data[ls:e.start]
    if indent.strip() or not indent:
        return e
    pad = indent.decode("utf-8")
    lines = e.text.split("\n")[:-1]
    return TextEdit(ls, ls, "".join(f"{pad}{ln}\n" if ln.strip() else "\n" for ln in lines))


def known_fixes(err: CompilerError, rules: Iterable[tuple[str, CompilerFix]], scope: Scope,
                data: dict[Path, bytes]) -> list[Fix]:
    """Fixes of the rules (step id, rule) that match ``err`` at its primary span, in rule order."""
    p = err.primary
    if p is None or p.in_macro or not scope.editable(p.file) or p.file not in data:
        return []
    buf = data[p.file]
    if not span_matches(p, buf):
        return []
    out = []
    for step_id, rule in rules:
        edit = match_rule(rule, err, buf)
        if edit is not None:
            out.append(Fix("known-fix", rule.note or f"{rule.code} rule of {step_id}", p.file, (edit,), err,
                           step_id))
    return out


def match_rule(rule: CompilerFix, err: CompilerError, data: bytes) -> TextEdit | None:
    p = err.primary
    hit = re.search(rule.message, err.text(), re.S) if p is not None and err.code == rule.code else None
    if p is None or hit is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # rustc's offsets are bytes; work in characters for the regexes
    cstart, cend = len(data[:p.start].decode("utf-8")), len(data[:p.end].decode("utf-8"))
    span_text = text[cstart:cend]
    if rule.span and not re.fullmatch(rule.span, span_text, re.S):
        return None
    # the message's named groups too: the type rustc names (`fixloop_errs::Error` for anyhow's)
    values: dict[str, str] = {k: v for k, v in hit.groupdict().items() if v is not None}
    values["span"] = span_text
    if rule.site:
        best: re.Match[str] | None = None
        for m in re.finditer(rule.site, text):
            if m.start() <= cstart and cend <= m.end() and (best is None or m.end() - m.start()
                                                             < best.end() - best.start()):
                best = m
            if m.start() > cstart:
                break
        if best is None:
            return None
        s0, s1 = best.start(), best.end()
        values.update({k: v for k, v in best.groupdict().items() if v is not None})
    else:
        s0, s1 = cstart, cend
    fn_start = _enclosing_fn(text, s0)
    for name in dict.fromkeys(n for n, _ in rule.lookups):
        found: tuple[int, str] | None = None  # the nearest match before the site, over all its patterns
        for n, pattern in rule.lookups:
            if n != name:
                continue
            for m in re.finditer(pattern, text[fn_start:s0]):
                if found is None or m.start() >= found[0]:
                    found = (m.start(), m.group(name))
        if found is None:
            return None
        values[name] = found[1]
    try:
        new = rule.replace.format(**values)
    except (KeyError, IndexError):
        return None
    b0, b1 = len(text[:s0].encode("utf-8")), len(text[:s1].encode("utf-8"))
    return TextEdit(b0, b1, new)


_FN = re.compile(r"\bfn\s+\w+")


def _enclosing_fn(text: str, pos: int) -> int:
    """Start of the last `fn name` before ``pos`` (the file start when there is none)."""
    last = 0
    for m in _FN.finditer(text, 0, pos):
        last = m.start()
    return last
