"""P39.1: wasmtime-py 39 deleted `wasmtime.bindgen` and `wasmtime.loader` (no deprecation period) and
added the dynamic `wasmtime.component` API.

Checked in the wheels: 38.0.0 ships `wasmtime/bindgen/` and `wasmtime/loader.py`; from 39.0.0
`import wasmtime.loader` and `import wasmtime.bindgen` raise ModuleNotFoundError, and
`wasmtime.component` imports. The typed bindings have no successor (a typed -> dynamic port needs
the WIT types), so this step reports every use, in Python files and in build files, with the
options that work.
"""

from __future__ import annotations

import re

import libcst as cst

from wasm_codemod.python.context import PyContext, PyUnit, StepTransformer, dotted
from wasm_codemod.transform import Safety, Step

LOADER = ("`wasmtime.loader` was removed in wasmtime-py 39: load the module explicitly (`Module.from_file(engine, "
          "path)`, `Linker(engine)`, `linker.define_wasi()`, `linker.instantiate(store, module)`); components go "
          "through `wasmtime.component` (`Component.from_file`, `component.Linker`, `instance.get_func`)")
BINDGEN = ("`wasmtime.bindgen` was removed in wasmtime-py 39 and has no successor: keep the bindings already "
           "generated (they run on 40-50 once `importlib_resources` is declared), regenerate them with a pinned "
           "generator (`uvx --from wasmtime==38.0.0 python -m wasmtime.bindgen ...`), or port the host to "
           "`wasmtime.component`")
_BUILD = re.compile(r"wasmtime[./]bindgen|wasmtime\.loader")


class _Uses(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit) -> None:
        super().__init__(ctx, unit)
        self.found: list[tuple[int, str]] = []

    def _module(self, name: str, node: cst.CSTNode) -> None:
        if name == "wasmtime.loader" or name.startswith("wasmtime.loader."):
            self.found.append((self.line(node), LOADER))
        elif name == "wasmtime.bindgen" or name.startswith("wasmtime.bindgen."):
            self.found.append((self.line(node), BINDGEN))

    def visit_Import(self, node: cst.Import) -> bool:
        for a in node.names:
            self._module(dotted(a.name), node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.module is None or node.relative or isinstance(node.names, cst.ImportStar):
            return False
        mod = dotted(node.module)
        if mod == "wasmtime":
            for a in node.names:
                self._module(f"wasmtime.{dotted(a.name)}", node)
        else:
            self._module(mod, node)
        return False

    def visit_SimpleString(self, node: cst.SimpleString) -> bool:
        # `subprocess.run([sys.executable, "-m", "wasmtime.bindgen", ...])`
        if "wasmtime.bindgen" in node.value:
            self.found.append((self.line(node), BINDGEN))
        return False


def apply(ctx: PyContext) -> None:
    for unit in ctx.mentioning("loader", "bindgen"):
        uses = ctx.transform(unit, _Uses)
        assert isinstance(uses, _Uses)
        for line, msg in uses.found:
            ctx.report(unit, line, msg)
    for b in ctx.build_files:
        for m in _BUILD.finditer(b.text):
            ctx.report(b, b.line_of(m.start()), LOADER if "loader" in m.group(0) else BINDGEN)


STEP = Step(
    id="wasmtime-py-39-bindgen-loader",
    family="wasmtime-py",
    from_version="38",
    to_version="39",
    safety=Safety.MANUAL,
    title="Report wasmtime.bindgen and wasmtime.loader (removed)",
    summary="Report imports of `wasmtime.loader` / `wasmtime.bindgen` and `python -m wasmtime.bindgen` "
            "invocations, with the replacements (explicit Linker, a pinned generator, or `wasmtime.component`).",
    upstream="https://github.com/bytecodealliance/wasmtime-py/pull/310",
    prefilter=(),  # every use names `wasmtime`: the family token is enough
    python=apply,
)
