"""The contract between the engine and a transform module.

A transform module in ``transforms/`` defines ``STEP = Step(...)``: metadata, optional
data (path moves, manifest feature changes) and an optional ``apply(ctx)``. It sees
parsed files and an edit API; it never touches the file system.
"""

from __future__ import annotations

import pathlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tree_sitter import Node

from .rust.impls import ImplBlock
from .rust.names import NameTable, Path, path_of
from .rust.parse import text as node_text
from .source import Edit, EditSet, OverlapError, SourceFile

if TYPE_CHECKING:
    from .python.context import PyContext


class Safety(str, Enum):
    SAFE = "safe"  # always correct
    REVIEW = "review"  # correct for the common shape; flagged in the report
    MANUAL = "manual"  # only reports


@lru_cache(maxsize=4096)  # asked ~90,000 times a run about a few hundred distinct strings
def line_key(version: str) -> tuple[int, ...]:
    """Sort key of a release line: "36" -> (36,), "0.45" -> (0, 45)."""
    return tuple(int(p) for p in version.split("."))


@dataclass(frozen=True)
class FeatureChange:
    """A Cargo feature of ``crate`` renamed (``new``) or removed (``new`` None) at this step."""

    crate: str
    old: str
    new: str | None


@dataclass(frozen=True)
class CompilerFix:
    """A fix for a compiler error at the target version whose site needs type information the syntax
    does not carry (the fix loop of `--verify` applies it; see docs/fix-loop.md).

    It applies to an error with rustc code ``code`` whose text (message, span labels, notes)
    matches ``message``, at the error's primary span. ``site`` (a regex, searched in the file) widens
    the edit to the smallest match that contains the span; without it the span itself is replaced.
    ``span`` must match the span's text in full. ``replace`` is the new text of the site: ``{span}``
    is the span's text, ``{name}`` a named group of ``message`` or ``site`` or a ``lookups`` value. Each lookup is
    (name, regex with a group ``name``), searched between the start of the enclosing `fn` and the
    site; the nearest match wins, and without one the rule does not apply.
    """

    code: str
    message: str
    replace: str
    site: str = ""
    span: str = ""
    lookups: tuple[tuple[str, str], ...] = ()
    note: str = ""  # one line for the report: what the fix does


@dataclass(frozen=True)
class Step:
    id: str
    family: str  # "wasmtime" | "wit-bindgen" | "wasmtime-py" | "componentize-py"
    from_version: str
    to_version: str
    safety: Safety
    title: str  # display name, no trailing period
    summary: str  # one sentence, ends with a period
    upstream: str  # PR / source link
    prefilter: tuple[bytes, ...] = ()
    # `apply` edits and reports only in ``ctx.units``: when no file of a crate passes the prefilter
    # the engine does not call it (steps that also act on ``ctx.crate_files`` leave this False)
    units_only: bool = False
    moves: dict[str, str | None] = field(default_factory=dict)
    apply: Callable[[StepContext], None] | None = None
    features: tuple[FeatureChange, ...] = ()
    # skip this step when the target is at or past this line (a later step handles the original shape)
    superseded_at: str | None = None
    # macros whose bodies hold paths this engine may rewrite
    path_macros: frozenset[str] = frozenset()
    removed_hints: dict[str, str] = field(default_factory=dict)
    # edits to each Cargo.toml of a crate on this plan (beyond the version bump and `features`)
    manifest: Callable[[ManifestContext], None] | None = None
    # crates this step's manifest hook migrates (e.g. a removed crate): the engine leaves them to it
    handles_crates: tuple[str, ...] = ()
    # edits to the .wit files the crate uses
    wit: Callable[[WitContext], None] | None = None
    # Python families: edits to the project's .py files through libcst (python/context.py)
    python: Callable[[PyContext], None] | None = None
    # fixes for compiler errors this step's change causes where the syntax alone cannot tell (--verify)
    compiler_fixes: tuple[CompilerFix, ...] = ()

    def applies(self, current: str, target: str) -> bool:
        if not (line_key(current) < line_key(self.to_version) <= line_key(target)):
            return False
        return not (self.superseded_at and line_key(target) >= line_key(self.superseded_at))


@dataclass
class FollowUp:
    file: str
    line: int
    step: str
    message: str
    severity: str = "manual"  # "manual" | "review" | "info"
    link: str = ""
    # byte offset in the Rust file while the run is in progress (kept in step with later edits)
    offset: int | None = field(default=None, compare=False, repr=False)
    # other files or directories (relative like `file`) the fix is made in, e.g. a WIT tree to re-vendor
    paths: tuple[str, ...] = field(default=(), compare=False)

    def key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line, self.step, self.message)


@dataclass
class RustUnit:
    """One Rust file as a step sees it: current source, its names, and the step's pending edits."""

    path: str
    src: SourceFile
    edits: EditSet = field(default_factory=EditSet)
    _names: NameTable | None = None
    pending_imports: dict[tuple[int, str], str] = field(default_factory=dict)

    @property
    def names(self) -> NameTable:
        if self._names is None:
            self._names = NameTable(self.src.root)
        return self._names

    def reset(self, src: SourceFile) -> None:
        self.src = src
        self.edits = EditSet()
        self._names = None
        self.pending_imports = {}


def crate_dir(unit: RustUnit) -> pathlib.Path | None:
    """The directory of the Cargo.toml that owns ``unit`` (None when the engine gave no file path)."""
    p = getattr(unit, "abs_path", None)
    if p is None:
        return None
    for d in pathlib.Path(p).resolve().parents:
        if (d / "Cargo.toml").is_file():
            return d
    return None


class CrateRoots:
    """A crate's file trees as a lazy sequence: iterating parses every file; ``mentioning(name)``
    yields only the trees of files whose text holds ``name`` (a definition of ``name`` writes it)."""

    def __init__(self, units: list[RustUnit]) -> None:
        self._units = units

    def __iter__(self) -> Iterator[Node]:
        return (u.src.root for u in self._units)

    def __len__(self) -> int:
        return len(self._units)

    def mentioning(self, name: str) -> Iterator[Node]:
        token = name.encode()
        return (u.src.root for u in self._units if token in u.src.data)

    def defining_fn(self, name: str) -> Iterator[Node]:
        """The trees of the files that spell `fn name` (a fn item or trait method named ``name`` does;
        `params`, `get` and the like are words of most files)."""
        token = name.encode()
        spelled = re.compile(rb"\bfn\s+(?:r#)?" + re.escape(token) + rb"\b")
        return (u.src.root for u in self._units if token in u.src.data and spelled.search(u.src.data) is not None)


@dataclass(frozen=True)
class WitFile:
    """One .wit file as the engine read it for a step."""

    path: pathlib.Path  # absolute
    inner: str  # its path under the WIT directory asked for (`deps/io/streams.wit`), or its name
    data: bytes


def is_wit_file(files: list[WitFile] | None, path: pathlib.Path) -> bool:
    """Is ``files`` (what `wit_files(path)` gave) the file at ``path`` itself, not a directory's files?"""
    return files is not None and len(files) == 1 and files[0].path == path


def is_wit_dir(files: list[WitFile] | None, path: pathlib.Path) -> bool:
    """Is ``files`` (what `wit_files(path)` gave) the files of a directory at ``path`` (maybe none)?"""
    return files is not None and not is_wit_file(files, path)


class DependencyCrate:
    """A crate of the run that this crate depends on by `path` (its `[dependencies]`, also through
    `workspace = true`), as the engine read it: for lookups (signatures, re-exports), never edited."""

    def __init__(self, name: str, units: Callable[[], list[RustUnit]],
                 file: Callable[[str], RustUnit | None]) -> None:
        self.name = name  # as Rust paths write it (`-` as `_`)
        self._units = units
        self._file = file

    @property
    def units(self) -> list[RustUnit]:
        """Its .rs files under `src/` in path order (read on first use, once per run)."""
        return self._units()

    def file(self, inner: str) -> RustUnit | None:
        """Its file at ``inner`` (a path in the crate, e.g. `src/lib.rs`), if it has one."""
        return self._file(inner)


@dataclass
class CrateInputs:
    """What the engine reads for a step beyond the crate's loaded files (the runner fills it in; a
    transform never opens a file). The defaults: a crate with nothing around it."""

    dir: pathlib.Path | None = None  # the crate's directory (its Cargo.toml's)
    dependencies: Callable[[], list[DependencyCrate]] = lambda: []
    # the .wit files at a path (the file itself, or a directory's, recursively); None: nothing there
    wit_files: Callable[[pathlib.Path], list[WitFile] | None] = lambda _p: None
    # a path as the run's reports name it (None: outside the tree the run was given)
    display: Callable[[pathlib.Path], str | None] = lambda _p: None


@dataclass
class StepContext:
    step: Step
    units: list[RustUnit]
    current: str
    target: str
    options: dict[str, object]
    follow_ups: list[FollowUp] = field(default_factory=list)
    # where an item path of some earlier line ends up at the target (engine-provided)
    path_at_target: Callable[[str], str] = lambda p: p
    # this crate's exceptions to the step's `moves` (e.g. an item kept because the crate still needs it)
    move_overrides: dict[str, str | None] = field(default_factory=dict)
    # crates this crate must now depend on (added to its Cargo.toml at the target line)
    required_crates: set[str] = field(default_factory=set)
    # every loaded file of the crate (``units`` holds only those with the step's own tokens): for
    # crate-wide facts (impls, methods the user defines, type definitions); None: ``units``
    crate_files: list[RustUnit] | None = None
    # what the engine read around the crate: its directory, path dependencies, WIT files
    inputs: CrateInputs = field(default_factory=CrateInputs)
    # the crate's Cargo.toml as discovery read it (discover.Manifest: `data`, `text`), read-only;
    # None when the engine was given no crate
    manifest: Any = None

    def __post_init__(self) -> None:
        if self.crate_files is None:
            self.crate_files = self.units

    def crate_roots(self) -> CrateRoots:
        """The trees of every loaded file of the crate, for crate-wide lookups (`defined_methods`,
        `receiver_decision`); parsed lazily, and a lookup by name parses only files that mention it."""
        assert self.crate_files is not None
        return CrateRoots(self.crate_files)

    def dependency_crates(self) -> list[DependencyCrate]:
        """The crates of the run this crate depends on by `path`, in manifest order."""
        return self.inputs.dependencies()

    def wit_files(self, path: pathlib.Path) -> list[WitFile] | None:
        """The .wit files at ``path`` (a file, or a directory's recursively, in path order); None
        when nothing is there."""
        return self.inputs.wit_files(path)

    def override_move(self, old: str, new: str | None) -> None:
        """For this crate, carry ``old`` to ``new`` instead of what the step's `moves` table says."""
        self.move_overrides[old] = new

    def require_crate(self, name: str) -> None:
        """The rewritten code needs the family crate ``name``: the engine adds it to the crate's manifest."""
        self.required_crates.add(name)

    # -- edits ----------------------------------------------------------------------
    def replace(self, unit: RustUnit, node_or_range: Node | tuple[int, int], new_text: str) -> bool:
        start, end = _range(node_or_range)
        try:
            unit.edits.add(Edit(start, end, unit.src.native(new_text), self.step.id))
        except OverlapError:
            self.report(unit, start, f"overlapping rewrite skipped ({self.step.title}); check this site by hand")
            return False
        return True

    def insert(self, unit: RustUnit, offset: int, new_text: str) -> bool:
        return self.replace(unit, (offset, offset), new_text)

    def delete_lines(self, unit: RustUnit, node: Node) -> bool:
        """Delete ``node`` and the line(s) it stands on when nothing else is on them."""
        data = unit.src.data
        start, end = node.start_byte, node.end_byte
        ls = unit.src.line_start(start)
        if data[ls:start].strip() == b"":
            nl = data.find(b"\n", end)
            stop = nl if nl != -1 else len(data)
            if data[end:stop].strip() == b"":
                start, end = ls, (nl + 1 if nl != -1 else len(data))
                # also swallow one blank line left behind between two items
                prev_blank = ls >= 2 and data[:ls].endswith((b"\n\n", b"\r\n\r\n"))
                nxt = data[end:].lstrip(b" \t")
                if prev_blank and nxt.startswith((b"\n", b"\r\n")):
                    end += data[end:].find(b"\n") + 1
        return self.replace(unit, (start, end), "")

    def delete_item(self, unit: RustUnit, node: Node) -> bool:
        """Delete an item with its attributes and doc comments, and the blank line it leaves."""
        from .rust.impls import item_with_attrs_start

        data = unit.src.data
        start = unit.src.line_start(item_with_attrs_start(node))
        nl = data.find(b"\n", node.end_byte)
        end = nl + 1 if nl != -1 else len(data)
        if data[start:item_with_attrs_start(node)].strip() or data[node.end_byte:end].strip():
            return self.replace(unit, (item_with_attrs_start(node), node.end_byte), "")
        blank_above = data[:start].endswith((b"\n\n", b"\n\r\n"))
        rest = data[end:].lstrip(b" \t")
        if blank_above and (rest.startswith((b"\n", b"\r\n", b"}")) or not rest):
            # drop the blank line above too, so none is left before `}` or doubled
            start = data.rfind(b"\n", 0, start - 1) + 1
        elif data[:start].rstrip(b" \t\r\n").endswith(b"{") and rest.startswith((b"\n", b"\r\n")):
            # the first item of a block: drop the blank line below, so none is left after `{`
            end += data[end:].find(b"\n") + 1
        return self.replace(unit, (start, end), "")

    def append_to_body(self, unit: RustUnit, body: Node, code: str) -> bool:
        """Add ``code`` (an item, already indented for its own line) as the last item of ``body`` (a `{...}`)."""
        close = body.children[-1]
        data = unit.src.data
        ls = unit.src.line_start(close.start_byte)
        if data[ls:close.start_byte].strip() == b"":
            return self.insert(unit, ls, code + "\n")
        return self.insert(unit, close.start_byte, " " + code.strip() + " ")

    def import_name(self, unit: RustUnit, item: str, at: Node) -> str:
        """How to write ``item`` at ``at``, adding a `use` for it when that reads better."""
        from .rust.imports import ensure_import

        return ensure_import(unit.src, unit.names, unit.edits, item, at, self.step.id, unit.pending_imports)

    def impls(self, traits: set[Path]) -> list[ImplBlock]:
        """Every impl of one of ``traits`` (resolved through imports) in the crate's files."""
        from .rust.impls import find_impls

        out: list[ImplBlock] = []
        # an impl of a trait names it (or imports it) in its file, and a path resolves through the
        # file's own imports, so the file also writes the path's crate: only those files are parsed
        names = {t[-1].encode() for t in traits}
        roots = {t[0].encode() for t in traits}
        assert self.crate_files is not None
        for u in self.crate_files:
            if u.src.has(b"impl") and any(map(u.src.has, names)) and any(map(u.src.has, roots)):
                out.extend(find_impls(u, u.names, u.src.root, traits))
        return out

    def macro_calls(self, names: set[str]) -> list[tuple[RustUnit, Node]]:
        """Invocations of macros whose last path segment is in ``names`` (e.g. {"bindgen"})."""
        from .rust.parse import macro_name, walk_types
        from .wordsearch import word_search

        out = []
        tokens = [n.encode() for n in names]
        invoked = _invocation_pattern(frozenset(names))
        assert self.crate_files is not None
        for u in self.crate_files:
            if not any(map(u.src.has, tokens)) or word_search(invoked, u.src.data) is None:
                continue  # the macro's name is written where it is invoked, followed by `!`
            for n in walk_types(u.src.root, ("macro_invocation",)):
                if macro_name(n) in names:
                    out.append((u, n))
        return out

    # -- reporting ------------------------------------------------------------------
    def report(self, unit: RustUnit, where: Node | int, message: str, severity: str = "manual",
               link: str | None = None, paths: tuple[str, ...] = ()) -> None:
        offset = where if isinstance(where, int) else where.start_byte
        self.follow_ups.append(FollowUp(unit.path, unit.src.line_of(offset), self.step.id, message, severity,
                                        link if link is not None else self.step.upstream, offset, paths))

    # -- names ----------------------------------------------------------------------
    def resolves_to(self, unit: RustUnit, node: Node, candidates: set[Path]) -> Path | None:
        """Full path of a path node if it is one of ``candidates`` (checked through imports)."""
        if node.type in _SCOPED and node.child_by_field_name("path") is not None:
            # `a::..::name`: the name ends the path whatever the imports say; a name that ends no
            # candidate settles it before the path is read
            name = node.child_by_field_name("name")
            if name is None or (node_text(name),) not in _suffixes(candidates):
                return None
        segs = path_of(node)
        if segs is None:
            return None
        # imports change only the head: the rest must end some candidate (most paths end none; no
        # name table is needed to say so)
        if len(segs) > 1 and segs[1:] not in _suffixes(candidates):
            return None
        full = unit.names.resolve(segs, node, candidates)
        return full if full in candidates else None


_SCOPED = frozenset({"scoped_identifier", "scoped_type_identifier"})
_SUFFIXES: dict[int, tuple[set[Path], frozenset[Path], frozenset[Path]]] = {}


@lru_cache(maxsize=64)
def _invocation_pattern(names: frozenset[str]) -> re.Pattern[bytes]:
    """`name!` / `path::name !` for any of ``names`` (a comment between the name and `!` is not seen),
    searched as a word (`wordsearch.word_search`)."""
    alts = b"|".join(re.escape(n.encode()) for n in sorted(names))
    return re.compile(rb"(?:" + alts + rb")\s*!")


def _suffixes(candidates: set[Path]) -> frozenset[Path]:
    """Every tail of every candidate (the sets are mostly module constants: cached by identity, checked
    by value in case one was changed)."""
    hit = _SUFFIXES.get(id(candidates))
    if hit is not None and hit[0] is candidates and hit[1] == candidates:
        return hit[2]
    tails = frozenset(c[i:] for c in candidates for i in range(len(c) + 1))
    if len(_SUFFIXES) >= 256:
        _SUFFIXES.clear()
    _SUFFIXES[id(candidates)] = (candidates, frozenset(candidates), tails)
    return tails

def _range(x: Node | tuple[int, int]) -> tuple[int, int]:
    if isinstance(x, tuple):
        return x
    return x.start_byte, x.end_byte


@dataclass(frozen=True)
class Release:
    latest: str  # newest verified patch of the line, e.g. "36.0.3"
    rust_version: str | None = None


@dataclass(frozen=True)
class Family:
    """A set of crates released in lock-step (e.g. wasmtime and its siblings) and their data."""

    name: str
    primary: str  # the crate whose version defines the family's line
    crates: tuple[str, ...]  # Cargo package names bumped together
    rust_roots: tuple[str, ...]  # how the crates are written in Rust paths
    releases: dict[str, Release] = field(default_factory=dict)
    # crate -> line at which it stops being published
    removed_crates: dict[str, str] = field(default_factory=dict)
    # crate -> the crate that continues it under a new name (the line it starts at is in ``published``)
    renamed_crates: dict[str, str] = field(default_factory=dict)
    # crate -> lines published on crates.io (empty: every line of the family)
    published: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a line the family knows about beyond its releases table (e.g. from the reference notes)
    default_target: str | None = None
    # "cargo": crates in Cargo.toml, Rust sources; "pypi": Python projects (wasm_codemod.python)
    ecosystem: str = "cargo"
    # a crate without a dependency on the family that depends by path on a crate of the run that has
    # one is upgraded at that crate's line (its sources use the family through it)
    follows_path_deps: bool = False
    # crates released with each line N of the family as line 0.(N + offset) (crate -> offset): a manifest
    # that names one moves it along with the family
    companions: dict[str, int] = field(default_factory=dict)
    # a proc-macro crate of the run (no dependency on the family itself) that a crate using the family
    # depends on by path: its `quote!` templates emit that crate's code, upgraded at that crate's line
    follows_proc_macros: bool = False

    def known_lines(self) -> list[str]:
        return sorted(self.releases, key=line_key)

    def latest_line(self) -> str:
        if self.default_target:
            return self.default_target
        return self.known_lines()[-1]

    def newest_patch(self, line: str) -> str | None:
        rel = self.releases.get(line)
        return rel.latest if rel else None


@dataclass
class ManifestContext:
    """One Cargo.toml as a step sees it: ``data`` to decide (read-only), ``doc`` (the tomlkit document,
    built on first use) to edit in place, and the plan."""

    step: Step
    path: str  # display path
    manifest: Any  # wasm_codemod.discover.Manifest
    text: str  # the original text (for line numbers)
    current: str
    target: str
    follow_ups: list[FollowUp] = field(default_factory=list)
    changed: bool = False
    file: Any = None  # pathlib.Path of the Cargo.toml, when the engine knows it
    # does a .rs file under the crate's `src/` contain the token? (the engine reads the files)
    mentions: Callable[[bytes], bool] = lambda _token: False

    def source_mentions(self, token: bytes) -> bool:
        """Does the crate's source (its .rs files under `src/`, as on disk) contain ``token``?"""
        return self.mentions(token)

    @property
    def data(self) -> Any:
        """The manifest as edited so far, for checks: a plain dict, or the document once one exists.
        A hook whose checks find nothing reads only this (no document is built)."""
        return self.manifest.view

    @property
    def doc(self) -> Any:
        """The tomlkit document to edit (building it costs a parse and, later, a dump of the file)."""
        return self.manifest.doc

    def add_key(self, path: tuple[str, ...], key: str, value: object) -> bool:
        """Add ``key = value`` to the one-line inline table at ``path`` as a text edit, while no
        document exists (False: not done; edit ``doc`` instead)."""
        return bool(self.manifest.add_key(path, key, value))

    def line_of_key(self, key: str) -> int:
        from .cargo import line_of_key

        return line_of_key(self.text, key)

    def report(self, line: int, message: str, severity: str = "manual", link: str | None = None) -> None:
        self.follow_ups.append(FollowUp(self.path, line, self.step.id, message, severity,
                                        link if link is not None else self.step.upstream))


@dataclass
class WitContext:
    """The .wit files of the crates on this plan; edit through ``replace``."""

    step: Step
    units: list[Any]  # list[wasm_codemod.wit.WitUnit]
    current: str
    target: str
    follow_ups: list[FollowUp] = field(default_factory=list)

    def replace(self, unit: Any, start: int, end: int, new_text: str) -> bool:
        return unit.edits.try_add(Edit(start, end, new_text.encode("utf-8"), self.step.id))

    def report(self, unit: Any, offset: int, message: str, severity: str = "manual") -> None:
        self.follow_ups.append(FollowUp(unit.path, unit.line_of(offset), self.step.id, message, severity,
                                        self.step.upstream))
