"""P40.1: wasmtime-py 40 turns shared memory off by default (`Config.shared_memory`, new at 40).

Checked in the wheels: on 40 and later `SharedMemory(...)` and instantiating a module that defines
or imports a `shared` memory fail with "shared memory support is disabled for this engine";
`wasm_threads = True` alone is not enough. Setting `config.shared_memory = True` is harmless
before 40 (the attribute is simply stored), so the line is added next to `X.wasm_threads = True`,
or after `X = Config()`, for the configs of a file that uses shared memory. Engines built without
a visible Config (`SharedMemory(Engine(), ...)`, `Store()`) are reported.
"""

from __future__ import annotations

import re

import libcst as cst

from wasm_codemod.python.context import PyContext, PyUnit, StepTransformer
from wasm_codemod.transform import Safety, Step

from ._py import keyword

CONFIG = {"wasmtime.Config", "wasmtime._config.Config"}
ENGINE = {"wasmtime.Engine", "wasmtime._engine.Engine"}
STORE = {"wasmtime.Store", "wasmtime._store.Store"}
SHARED = {"wasmtime.SharedMemory", "wasmtime._sharedmemory.SharedMemory"}
MEMTYPE = {"wasmtime.MemoryType", "wasmtime._types.MemoryType"}
# a WAT memory (defined or imported) with the `shared` flag
WAT_SHARED = re.compile(r"\(memory\b(?:[^()]|\([^()]*\))*?\bshared\b")
HOW = ("create the Engine from a Config with `shared_memory = True` (e.g. `config = Config()`, "
       "`config.shared_memory = True`, `Engine(config)`)")


class _Scan(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit) -> None:
        super().__init__(ctx, unit)
        self.stmt_line = 0
        self.configs: dict[str, int] = {}  # config expression -> line of `X = Config()`
        self.threads: dict[str, int] = {}  # config expression -> line of `X.wasm_threads = True`
        self.has_flag: set[str] = set()
        self.uses: list[int] = []
        self.default_engine: list[int] = []

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        self.stmt_line = self.line(node)
        return True

    def visit_Assign(self, node: cst.Assign) -> bool:
        for t in node.targets:
            target = t.target
            if isinstance(node.value, cst.Call) and self.is_name(node.value.func, CONFIG):
                self.configs.setdefault(self.code(target), self.stmt_line)
            if isinstance(target, cst.Attribute) and target.attr.value == "wasm_threads" \
                    and isinstance(node.value, cst.Name) and node.value.value == "True":
                self.threads.setdefault(self.code(target.value), self.stmt_line)
            if isinstance(target, cst.Attribute) and target.attr.value == "shared_memory":
                self.has_flag.add(self.code(target.value))
        return True

    def visit_Call(self, node: cst.Call) -> bool:
        if self.is_name(node.func, SHARED):
            self.uses.append(self.line(node))
            first = node.args[0].value if node.args else None
            if isinstance(first, cst.Call) and not first.args and self.is_name(first.func, ENGINE):
                self.default_engine.append(self.line(node))
            if isinstance(first, cst.Attribute) and first.attr.value == "engine" and isinstance(first.value, cst.Call) \
                    and not first.value.args and self.is_name(first.value.func, STORE):
                self.default_engine.append(self.line(node))
        elif self.is_name(node.func, MEMTYPE):
            sh = keyword(node, "shared")
            if sh is not None and isinstance(sh.value, cst.Name) and sh.value.value == "True":
                self.uses.append(self.line(node))
        return True

    def visit_SimpleString(self, node: cst.SimpleString) -> bool:
        if WAT_SHARED.search(node.value):
            self.uses.append(self.line(node))
        return False


class _Insert(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit, anchors: dict[int, str]) -> None:
        super().__init__(ctx, unit)
        self.anchors = anchors

    def _body(self, orig: list[cst.BaseStatement], upd: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
        out: list[cst.BaseStatement] = []
        for o, u in zip(orig, upd, strict=True):
            out.append(u)
            target = self.anchors.get(self.line(o)) if isinstance(o, cst.SimpleStatementLine) else None
            if target is not None:
                out.append(cst.parse_statement(f"{target}.shared_memory = True\n"))
        return out

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        if len(original.body) != len(updated.body):
            return updated
        return updated.with_changes(body=self._body(list(original.body), list(updated.body)))

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        if len(original.body) != len(updated.body):
            return updated
        return updated.with_changes(body=self._body(list(original.body), list(updated.body)))


def apply(ctx: PyContext) -> None:
    for unit in ctx.mentioning("SharedMemory", "shared", "wasm_threads"):
        scan = ctx.transform(unit, _Scan)
        assert isinstance(scan, _Scan)
        uses = scan.uses or list(scan.threads.values())
        if not uses:
            continue
        for line in scan.default_engine:
            ctx.report(unit, line, f"shared memory is off by default from wasmtime-py 40 and this engine has no "
                                   f"Config: {HOW}", "manual")
        # the configs meant for threads, else every config of the file
        chosen = dict(scan.threads) or {t: ln for t, ln in scan.configs.items()}
        todo = {t: ln for t, ln in chosen.items() if t not in scan.has_flag}
        if not chosen and not scan.default_engine:
            ctx.report(unit, uses[0], f"shared memory is off by default from wasmtime-py 40 and no Config is in "
                                      f"sight in this file: {HOW}", "manual")
            continue
        if not scan.threads and len(todo) > 1:
            ctx.report(unit, uses[0], f"shared memory is off by default from wasmtime-py 40; this file builds "
                                      f"several Configs ({', '.join(sorted(todo))}): set `shared_memory = True` on "
                                      f"the one whose Engine uses shared memory", "manual")
            continue
        anchors = {ln: t for t, ln in todo.items()}
        if not anchors:
            continue
        ctx.transform(unit, _Insert, anchors=anchors)
        for ln, t in sorted(anchors.items()):
            ctx.report(unit, ln, f"added `{t}.shared_memory = True` below: wasmtime-py 40 turns shared memory off by "
                                 f"default and this file uses it; check that this is the Config of that Engine",
                       "review")


STEP = Step(
    id="wasmtime-py-40-shared-memory",
    family="wasmtime-py",
    from_version="39",
    to_version="40",
    safety=Safety.REVIEW,
    title="Enable shared memory on the Config",
    summary="Add `config.shared_memory = True` next to `config.wasm_threads = True` (or after `config = Config()`) "
            "in files that use shared memory; report engines without a visible Config.",
    upstream="https://github.com/bytecodealliance/wasmtime-py/pull/325",
    prefilter=(b"wasm_threads",),  # files that use wasmtime are parsed anyway (the family token)
    python=apply,
)
