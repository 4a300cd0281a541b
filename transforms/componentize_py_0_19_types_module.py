"""C0.19.1: componentize-py 0.19 no longer generates `<world module>/types.py`; `Ok`, `Err`, `Some`
and `Result` live in the top-level module `componentize_py_types`.

Checked with the wheels: `bindings` at 0.17.2 writes `wit_world/types.py`; at 0.19.3 it writes
`componentize_py_types.py` and `wit_world/__init__.py` imports from it. `wit_world.imports.types`
(a WIT interface called `types`) is a different module and stays.
"""

from __future__ import annotations

import libcst as cst

from wasm_codemod.python.context import PyContext, PyUnit, StepTransformer, dotted
from wasm_codemod.transform import Safety, Step

NEW = "componentize_py_types"


def _modules(ctx: PyContext) -> set[str]:
    # `wit_world`, or the world's own name when a build keeps it with `--world-module`
    return {"wit_world"} | {w.module for w in ctx.worlds}


class _Scan(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit, mods: set[str]) -> None:
        super().__init__(ctx, unit)
        self.types = {f"{m}.types" for m in mods}
        self.attr_uses = 0
        self.has_new = False

    def visit_Import(self, node: cst.Import) -> bool:
        self.has_new |= any(dotted(a.name) == NEW and a.asname is None for a in node.names)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if self.qnames(node) & self.types and dotted(node).endswith(".types"):
            self.attr_uses += 1
            return False
        return True


class _Rewrite(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit, mods: set[str], need_import: bool) -> None:
        super().__init__(ctx, unit)
        self.mods = mods
        self.types = {f"{m}.types" for m in mods}
        self.need_import = need_import

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        if self.qnames(original) & self.types and dotted(original).endswith(".types"):
            return cst.Name(NEW)
        return updated

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
                                  ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        extra: list[cst.BaseStatement] = []
        body: list[cst.BaseSmallStatement] = []
        for small in updated.body:
            if isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
                mod = dotted(small.module)
                if mod in self.types:
                    body.append(small.with_changes(module=cst.Name(NEW)))  # from wit_world.types import Err
                    continue
                if mod in self.mods and not isinstance(small.names, cst.ImportStar):
                    # from wit_world import exports, types -> ... and `import componentize_py_types as types`
                    rest = [a for a in small.names if dotted(a.name) != "types"]
                    for a in small.names:
                        if dotted(a.name) == "types":
                            alias = a.asname.name.value if a.asname and isinstance(a.asname.name, cst.Name) \
                                else "types"
                            extra.append(cst.parse_statement(f"import {NEW} as {alias}\n"))
                    if len(rest) != len(small.names):
                        if rest:
                            rest[-1] = rest[-1].with_changes(comma=small.names[-1].comma)
                            body.append(small.with_changes(names=rest))
                        continue
            if isinstance(small, cst.Import):
                names = []
                for a in small.names:
                    if dotted(a.name) in self.types:
                        names.append(a.with_changes(name=cst.Name(NEW)))  # import wit_world.types [as t]
                        self.need_import = False
                    else:
                        names.append(a)
                small = small.with_changes(names=names)
                if self.need_import and any(dotted(a.name) in self.mods for a in small.names):
                    extra.append(cst.parse_statement(f"import {NEW}\n"))
                    self.need_import = False
            body.append(small)
        if not body:
            if extra:
                return cst.FlattenSentinel([extra[0].with_changes(leading_lines=original.leading_lines), *extra[1:]])
            return cst.RemoveFromParent()  # type: ignore[return-value]
        out = updated.with_changes(body=body)
        return cst.FlattenSentinel([out, *extra]) if extra else out


def apply(ctx: PyContext) -> None:
    mods = _modules(ctx)
    for unit in ctx.mentioning("types"):
        scan = ctx.transform(unit, _Scan, mods=mods)
        assert isinstance(scan, _Scan)
        ctx.transform(unit, _Rewrite, mods=mods, need_import=scan.attr_uses > 0 and not scan.has_new)


STEP = Step(
    id="componentize-py-0.19-types-module",
    family="componentize-py",
    from_version="0.18",
    to_version="0.19",
    safety=Safety.SAFE,
    title="Import Ok/Err/Some/Result from componentize_py_types",
    summary="Rewrite `from wit_world.types import Err` (and `wit_world.types.X`, `from wit_world import types`) to "
            "the top-level module `componentize_py_types`.",
    upstream="https://github.com/bytecodealliance/componentize-py/pull/173",
    prefilter=(b"wit_world",),
    python=apply,
)
