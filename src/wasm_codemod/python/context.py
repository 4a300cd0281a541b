"""What a Python step sees: the project's parsed files (libcst modules), its WIT worlds and build
files as text, and an API to transform, report and declare a dependency. No file system access."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider, QualifiedNameProvider, ScopeProvider

from ..transform import FollowUp
from .worlds import TextUnit, World, wit_worlds  # noqa: F401  (re-exported: steps and tests import them here)

if TYPE_CHECKING:
    from ..transform import Step

BOM = b"\xef\xbb\xbf"


class PySourceError(ValueError):
    pass


@dataclass
class PyUnit:
    """One .py file: its libcst module (edited by replacing it) and whether it had a BOM."""

    path: str
    module: cst.Module
    bom: bool = False

    @classmethod
    def from_bytes(cls, path: str, raw: bytes) -> PyUnit:
        bom = raw.startswith(BOM)
        try:
            text = raw[3 if bom else 0:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PySourceError(f"not valid UTF-8 at byte {exc.start}") from exc
        if "\x00" in text:
            raise PySourceError("binary file (NUL bytes)")
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError as exc:
            raise PySourceError(f"libcst cannot parse it (line {exc.raw_line}: {exc.message})") from exc
        return cls(path, module, bom)

    @property
    def code(self) -> str:
        return self.module.code

    def to_bytes(self) -> bytes:
        return (BOM if self.bom else b"") + self.module.code.encode("utf-8")


@dataclass
class PyContext:
    step: Step
    units: list[PyUnit]
    current: str
    target: str
    options: dict[str, object] = field(default_factory=dict)
    worlds: list[World] = field(default_factory=list)
    build_files: list[TextUnit] = field(default_factory=list)
    declared: frozenset[str] = frozenset()  # normalised names of the project's declared dependencies
    follow_ups: list[FollowUp] = field(default_factory=list)
    added: list[tuple[str, str]] = field(default_factory=list)  # (name, specifier) to declare

    def mentioning(self, *words: str) -> list[PyUnit]:
        """The units whose text contains one of ``words``: a cheap guard before libcst metadata."""
        return [u for u in self.units if any(w in u.code for w in words)]

    def transform(self, unit: PyUnit, make: type[StepTransformer], **kw: Any) -> StepTransformer:
        """Run one transformer over ``unit`` (names and positions resolved on its current code)."""
        wrapper = MetadataWrapper(unit.module)
        t = make(self, unit, **kw)
        new = wrapper.visit(t)
        if new.code != unit.module.code:
            unit.module = new
        return t

    def report(self, unit: PyUnit | TextUnit, line: int, message: str, severity: str = "manual",
               link: str | None = None) -> None:
        self.follow_ups.append(FollowUp(unit.path, line, self.step.id, message, severity,
                                        link if link is not None else self.step.upstream))

    def add_dependency(self, name: str, spec: str) -> None:
        if (name, spec) not in self.added:
            self.added.append((name, spec))


class StepTransformer(cst.CSTTransformer):
    """A libcst transformer with resolved names (`qnames`), line numbers and reporting.

    Names come from libcst's QualifiedNameProvider (aliases, `from x import y as z`, attribute
    chains, local shadowing); a name used without any binding while the module star-imports a
    package is taken to come from it.
    """

    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider, PositionProvider)

    def __init__(self, ctx: PyContext, unit: PyUnit) -> None:
        super().__init__()
        self.ctx = ctx
        self.unit = unit
        self.star: list[str] = []
        self._carry: list[cst.EmptyLine] = []
        self._receiver: cst.CSTNode | None = None
        self._not_refs: set[int] = set()  # ids of Name nodes that only name things (attr, keyword, import)

    # -- names -------------------------------------------------------------------------
    def visit_Module(self, node: cst.Module) -> bool:
        for stmt in node.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.ImportFrom) and isinstance(small.names, cst.ImportStar) \
                            and small.module is not None and not small.relative:
                        self.star.append(dotted(small.module))
        return True

    def qnames(self, node: cst.CSTNode) -> set[str]:
        found = {q.name for q in self.get_metadata(QualifiedNameProvider, node, set())}
        if found:
            return found
        if isinstance(node, cst.Name) and self.star and id(node) not in self._not_refs:
            scope = self.get_metadata(ScopeProvider, node, None)
            if scope is not None and not scope[node.value]:
                return {f"{m}.{node.value}" for m in self.star}
        if isinstance(node, cst.Attribute):
            return {f"{b}.{node.attr.value}" for b in self.qnames(node.value)}
        return set()

    def is_name(self, node: cst.CSTNode, names: set[str]) -> bool:
        return bool(self.qnames(node) & names)

    # -- positions and reports ---------------------------------------------------------
    def line(self, node: cst.CSTNode) -> int:
        pos = self.get_metadata(PositionProvider, node, None)
        return pos.start.line if pos is not None else 1

    def report(self, node: cst.CSTNode, message: str, severity: str = "manual") -> None:
        self.ctx.report(self.unit, self.line(node), message, severity)

    def code(self, node: cst.CSTNode) -> str:
        return self.unit.module.code_for_node(node)

    # -- removing whole statements keeps the comment lines above them -------------------------
    def drop_statement(self, original: cst.SimpleStatementLine) -> cst.RemovalSentinel:
        """Remove a statement line; its leading comment lines move to the next statement."""
        self._carry.extend(ln for ln in original.leading_lines if ln.comment is not None)
        return cst.RemoveFromParent()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.Attribute):
            self._not_refs.add(id(node.attr))
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            self._not_refs.add(id(node.keyword))
        elif isinstance(node, cst.ImportAlias):
            self._not_refs.update(id(n) for n in (node.name, getattr(node.asname, "name", None)) if n is not None)
        elif isinstance(node, cst.FunctionDef | cst.ClassDef | cst.Param):
            self._not_refs.add(id(node.name))
        if self._carry and isinstance(node, cst.SimpleStatementLine | cst.BaseCompoundStatement):
            self._receiver = node
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        out = super().on_leave(original_node, updated_node)
        if original_node is self._receiver and isinstance(out, cst.SimpleStatementLine | cst.BaseCompoundStatement):
            out = out.with_changes(leading_lines=[*self._carry, *out.leading_lines])
            self._carry, self._receiver = [], None
        return out


def dotted(node: cst.BaseExpression | cst.CSTNode) -> str:
    """`a.b.c` of a Name/Attribute chain ("" for anything else)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr.value}" if base else ""
    return ""


def attr_chain(text: str) -> cst.BaseExpression:
    """`a.b.c` as a Name/Attribute node."""
    parts = text.split(".")
    node: cst.BaseExpression = cst.Name(parts[0])
    for p in parts[1:]:
        node = cst.Attribute(node, cst.Name(p))
    return node


def without_names(node: cst.ImportFrom, drop: set[str]) -> cst.ImportFrom | None:
    """``node`` minus the imported names in ``drop`` (None when nothing is left)."""
    if isinstance(node.names, cst.ImportStar):
        return node
    keep = [a for a in node.names if dotted(a.name) not in drop]
    if len(keep) == len(node.names):
        return node
    if not keep:
        return None
    if dotted(node.names[-1].name) in drop:
        # the last name went: the new last one takes its comma (none outside parentheses, or the
        # trailing comma and line break before `)` of a vertical list)
        keep[-1] = keep[-1].with_changes(comma=node.names[-1].comma)
    return node.with_changes(names=keep)
