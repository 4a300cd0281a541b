"""Read `cargo check --message-format=json`: errors with their code, spans and suggestions.

Byte offsets in rustc's JSON are offsets in the file as it is on disk (before rustc drops a BOM or
normalizes CRLF), so edits can be made on the raw bytes; each span also carries the text of its
lines, which is checked against the file before an edit is made (see `span_matches`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BOM_LEN = 3  # rustc's offsets count the UTF-8 BOM it drops


@dataclass(frozen=True)
class Span:
    file: Path  # resolved absolute path
    start: int  # byte offsets into the file
    end: int
    line: int  # 1-based
    col: int  # 1-based, in characters
    end_line: int
    end_col: int
    primary: bool
    label: str = ""
    replacement: str | None = None
    applicability: str | None = None
    # (line text, highlight start, highlight end): rustc's copy of the source, 1-based char columns
    text: tuple[tuple[str, int, int], ...] = ()
    in_macro: bool = False  # the span is inside a macro expansion


@dataclass(frozen=True)
class Suggestion:
    """One `help:` of rustc with replacements. ``choices`` holds alternatives (rustc's "one of these
    items" lists several replacements of one span); a multipart suggestion is one choice of several edits."""

    message: str
    applicability: str
    choices: tuple[tuple[Span, ...], ...]


@dataclass
class CompilerError:
    code: str | None
    message: str
    spans: tuple[Span, ...]
    notes: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    rendered: str = ""
    package: str = ""  # cargo's package id of the crate being compiled
    # rustc's file names of every span, the notes' too (a dependency's source in the registry)
    files: tuple[str, ...] = ()
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def primary(self) -> Span | None:
        prim = [s for s in self.spans if s.primary]
        real = [s for s in prim if not s.in_macro]
        return (real or prim or [None])[0]

    def text(self) -> str:
        """Message, span labels and notes: what a rule's `message` pattern is matched against."""
        if self._text is None:
            self._text = "\n".join([self.message, *(s.label for s in self.spans if s.label), *self.notes])
        return self._text

    def key(self) -> tuple[str, str, str]:
        """Identity across rounds (lines move when earlier edits add or remove lines)."""
        p = self.primary
        return (str(p.file) if p else "", self.code or "", self.message)

    def where(self) -> str:
        p = self.primary
        return f"{p.line}:{p.col}-{p.end_line}:{p.end_col}" if p else "?"


def parse_messages(stdout: str) -> list[CompilerError]:
    """Every distinct error of a cargo JSON stream (a module built for two targets is reported once)."""
    out: list[CompilerError] = []
    seen: set[tuple[Any, ...]] = set()
    for ln in stdout.splitlines():
        ln = ln.strip()
        if not ln.startswith("{"):
            continue
        try:
            doc = json.loads(ln)
        except json.JSONDecodeError:
            continue
        if doc.get("reason") != "compiler-message":
            continue
        msg = doc.get("message") or {}
        if msg.get("level") != "error" or _is_summary(msg):
            continue
        err = _error(msg, _manifest_dir(doc), doc.get("package_id", ""))
        p = err.primary
        ident = (err.code, err.message, str(p.file) if p else "", p.start if p else -1, p.end if p else -1)
        if ident in seen:
            continue
        seen.add(ident)
        out.append(err)
    return out


def _is_summary(msg: dict[str, Any]) -> bool:
    text = msg.get("message", "")
    return not msg.get("spans") and (text.startswith("aborting due to") or text.startswith("Some errors have"))


def _manifest_dir(doc: dict[str, Any]) -> Path | None:
    mp = doc.get("manifest_path")
    return Path(mp).parent if mp else None


def _error(msg: dict[str, Any], base: Path | None, package: str) -> CompilerError:
    code = (msg.get("code") or {}).get("code")
    spans = tuple(_span(s, base) for s in msg.get("spans", []))
    notes: list[str] = []
    suggestions: list[Suggestion] = []
    for child in msg.get("children", []):
        if child.get("message"):
            notes.append(child["message"])
        notes.extend(s["label"] for s in child.get("spans", []) if s.get("label"))
        repl = [_span(s, base) for s in child.get("spans", []) if s.get("suggested_replacement") is not None]
        if repl:
            suggestions.append(_suggestion(child.get("message", ""), repl))
    files = [s.get("file_name", "") for s in msg.get("spans", [])]
    files += [s.get("file_name", "") for c in msg.get("children", []) for s in c.get("spans", [])]
    return CompilerError(code, msg.get("message", ""), spans, tuple(notes), tuple(suggestions),
                         msg.get("rendered") or "", package, tuple(dict.fromkeys(f for f in files if f)))


def _suggestion(message: str, spans: list[Span]) -> Suggestion:
    # several replacements of the very same range are alternatives, not parts of one edit
    by_range: dict[tuple[Path, int, int], list[Span]] = {}
    for s in spans:
        by_range.setdefault((s.file, s.start, s.end), []).append(s)
    if len(by_range) == 1 and len({s.replacement for s in spans}) > 1:
        choices = tuple((s,) for s in spans)
    else:
        choices = (tuple(spans),)
    appl = min((s.applicability or "Unspecified" for s in spans), key=_APPL_ORDER.index)
    return Suggestion(message, appl, choices)


# worst first: a multipart suggestion is only as good as its weakest part
_APPL_ORDER = ["Unspecified", "HasPlaceholders", "MaybeIncorrect", "MachineApplicable"]


def _span(s: dict[str, Any], base: Path | None) -> Span:
    text = tuple((t.get("text", ""), int(t.get("highlight_start", 1)), int(t.get("highlight_end", 1)))
                 for t in s.get("text") or ())
    appl = s.get("suggestion_applicability")
    return Span(resolve_file(s.get("file_name", ""), base), int(s["byte_start"]), int(s["byte_end"]),
                int(s["line_start"]), int(s["column_start"]), int(s["line_end"]), int(s["column_end"]),
                bool(s.get("is_primary")), s.get("label") or "", s.get("suggested_replacement"),
                appl if appl in _APPL_ORDER else ("Unspecified" if s.get("suggested_replacement") is not None
                                                  else None),
                text, _in_macro(s))


def _in_macro(s: dict[str, Any]) -> bool:
    """Inside a macro's expansion (a `?` or `for` desugaring is the user's own text)."""
    exp = s.get("expansion")
    return exp is not None and not str(exp.get("macro_decl_name", "")).startswith("desugaring of")


def resolve_file(name: str, base: Path | None) -> Path:
    """rustc names a workspace member's files relative to the workspace root, which lies at or above
    the package's directory; other files are absolute."""
    p = Path(name)
    if p.is_absolute() or base is None:
        return p
    for d in [base, *base.parents]:
        if (d / p).is_file():
            return (d / p).resolve()
    return (base / p).resolve()


def span_matches(span: Span, data: bytes) -> bool:
    """The file still holds what rustc saw at ``span`` (compared without CR, as rustc's copy has none)."""
    if not (0 <= span.start <= span.end <= len(data)):
        return False
    if not span.text:
        return True
    lines = [t for t, _, _ in span.text]
    first_hs, last_he = span.text[0][1], span.text[-1][2]
    if len(lines) == 1:
        want = lines[0][first_hs - 1:last_he - 1]
    else:
        want = "\n".join([lines[0][first_hs - 1:], *lines[1:-1], lines[-1][:last_he - 1]])
    try:
        got = data[span.start:span.end].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return got.replace("\r", "") == want.replace("\r", "")
