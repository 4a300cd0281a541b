"""C0.17.1: componentize-py 0.17 names the generated world module `wit_world` and the world class
`WitWorld`, whatever the WIT world is called (before: module `matrix_math`, class `MatrixMath` for
`world matrix-math`).

Checked with the wheels: `componentize-py -d wit -w sandbox bindings` writes `sandbox/` at 0.16.0
and `wit_world/` (class `WitWorld`) at 0.17.2; a 0.16 guest (`import sandbox`, `class
Sandbox(sandbox.Sandbox)`) fails to build at 0.25.1 with "No module named 'sandbox'" and builds
once renamed. The world names come from the project's WIT files; only modules named after one of
its worlds are renamed, and the app's class that implements the world becomes `WitWorld`. A
build that passes `--world-module` keeps the old names: then nothing changes.
"""

from __future__ import annotations

import re
import sys

import libcst as cst

from wasm_codemod.python.context import PyContext, PyUnit, StepTransformer, World, dotted
from wasm_codemod.transform import Safety, Step

NEW_MODULE, NEW_CLASS = "wit_world", "WitWorld"
_FLAG = re.compile(r"--world-module\b")


def _swap_head(name: str, old: str, new: str) -> str | None:
    if name == old:
        return new
    if name.startswith(old + "."):
        return new + name[len(old):]
    return None


class _Rename(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit, worlds: dict[str, World]) -> None:
        super().__init__(ctx, unit)
        self.worlds = worlds
        self.classes = {f"{m}.{w.cls}" for m, w in worlds.items()}
        self.user_classes: set[str] = set()  # this file's classes that implement a world class

    def _world_of(self, q: str) -> str | None:
        head = q.split(".")[0]
        return head if head in self.worlds else None

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        if any(self.qnames(b.value) & self.classes for b in node.bases):
            self.user_classes.add(node.name.value)
        return True

    # imports -------------------------------------------------------------------------
    def leave_Import(self, original: cst.Import, updated: cst.Import) -> cst.Import:
        names = []
        for a in updated.names:
            name = dotted(a.name)
            new = next((n for m in self.worlds if (n := _swap_head(name, m, NEW_MODULE))), None)
            names.append(a.with_changes(name=cst.parse_expression(new)) if new else a)
        return updated.with_changes(names=names)

    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> cst.ImportFrom:
        if updated.module is None or updated.relative:
            return updated
        mod = dotted(updated.module)
        world = next((m for m in self.worlds if _swap_head(mod, m, NEW_MODULE)), None)
        if world is None:
            return updated
        new = _swap_head(mod, world, NEW_MODULE)
        assert new is not None
        out = updated.with_changes(module=cst.parse_expression(new))
        if mod == world and not isinstance(out.names, cst.ImportStar):
            cls = self.worlds[world].cls
            out = out.with_changes(names=[a.with_changes(name=cst.Name(NEW_CLASS))
                                          if isinstance(a.name, cst.Name) and a.name.value == cls else a
                                          for a in out.names])
        return out

    # uses ----------------------------------------------------------------------------
    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        if self.qnames(original) & self.classes:
            return updated.with_changes(attr=cst.Name(NEW_CLASS))
        return updated

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        if id(original) in self._not_refs:
            return updated
        qs = self.qnames(original)
        if original.value in self.worlds and original.value in qs:
            return updated.with_changes(value=NEW_MODULE)  # `import sandbox` bound the name `sandbox`
        if qs & self.classes and original.value == self.worlds[next(iter(qs & self.classes)).split(".")[0]].cls:
            return updated.with_changes(value=NEW_CLASS)  # `from sandbox import Sandbox`
        if original.value in self.user_classes and original.value in qs:
            return updated.with_changes(value=NEW_CLASS)  # uses of the app's own world class
        return updated

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        if original.name.value in self.user_classes:
            return updated.with_changes(name=cst.Name(NEW_CLASS))
        return updated


class _Imported(StepTransformer):
    """Which world modules does the file import?"""

    def __init__(self, ctx: PyContext, unit: PyUnit, worlds: dict[str, World]) -> None:
        super().__init__(ctx, unit)
        self.worlds = worlds
        self.used: set[str] = set()

    def visit_Import(self, node: cst.Import) -> bool:
        self.used |= {dotted(a.name).split(".")[0] for a in node.names} & set(self.worlds)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.module is not None and not node.relative:
            self.used |= {dotted(node.module).split(".")[0]} & set(self.worlds)
        return False


def apply(ctx: PyContext) -> None:
    for b in ctx.build_files:
        m = _FLAG.search(b.text)
        if m:
            ctx.report(b, b.line_of(m.start()), "the build passes `--world-module`, so the world module keeps its "
                                                "name at componentize-py 0.17: no source change needed", "info")
            return
    # stdlib names are never world modules (a `world http` must not rename `import http`)
    worlds = {w.module: w for w in ctx.worlds if w.module not in sys.stdlib_module_names and w.module != NEW_MODULE}
    if not worlds:
        return
    used: dict[str, set[str]] = {}
    for unit in ctx.mentioning(*worlds):
        t = ctx.transform(unit, _Imported, worlds=worlds)
        assert isinstance(t, _Imported)
        for m in t.used:
            used.setdefault(m, set()).add(unit.path)
    if len(used) > 1:
        first = ctx.units[0]
        ctx.report(first, 1, f"the code imports several world modules ({', '.join(sorted(used))}); componentize-py "
                             f"0.17 names the built world's module `wit_world`: rename by hand per build, or pass "
                             f"`--world-module` to each build", "manual")
        return
    for unit in ctx.mentioning(*used):
        ctx.transform(unit, _Rename, worlds={m: worlds[m] for m in used})


STEP = Step(
    id="componentize-py-0.17-wit-world",
    family="componentize-py",
    from_version="0.16",
    to_version="0.17",
    safety=Safety.SAFE,
    title="Rename the world module to wit_world and the world class to WitWorld",
    summary="Rewrite imports of the generated world module (named after the WIT world) to `wit_world`, its world "
            "class and the app's implementing class to `WitWorld`.",
    upstream="https://github.com/bytecodealliance/componentize-py/pull/150",
    python=apply,
)
