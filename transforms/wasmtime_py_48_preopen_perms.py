"""P48.1: wasmtime-py 48 removed `DirPerms` and `FilePerms`; `WasiConfig.preopen_dir(path, guest_path,
dir_perms, file_perms)` became `preopen_dir(path, guest_path, fs_mutable=True)`.

Checked in the wheels (47.0.1 -> 48.0.0, `_wasi.py`): `from wasmtime import DirPerms` is an
ImportError at 48; `fs_mutable` is a `bool` handed to the C API, so an enum passed positionally
would silently mean "mutable". A literal pair maps exactly: READ_WRITE on both sides (the old
default) -> no argument (works on 27-47 too), READ_ONLY on both sides -> `fs_mutable=False`.
Mixed pairs, WRITE_ONLY and computed values have no equivalent and are reported. Files that
already import the enums inside `try: ... except ImportError:` support both APIs and are left alone.
"""

from __future__ import annotations

import libcst as cst

from wasm_codemod.python.context import PyContext, PyUnit, StepTransformer, without_names
from wasm_codemod.transform import Safety, Step

from ._py import handler_catches_import_error, has_star, keyword, kwarg, method_name, positional, with_args

DIR = {"wasmtime.DirPerms", "wasmtime._wasi.DirPerms"}
FILE = {"wasmtime.FilePerms", "wasmtime._wasi.FilePerms"}
MODULES = {"wasmtime", "wasmtime._wasi"}
RW, RO = "READ_WRITE", "READ_ONLY"
CHOICES = "use `fs_mutable=False` (read-only: the safe choice) or no permission argument (read-write)"


class _Scan(cst.CSTVisitor):
    """Does the file already import the enums under `try/except ImportError` (a 47/48 shim)? Which
    classes does it define (a user's own `DirPerms` is not wasmtime's)?"""

    def __init__(self) -> None:
        self.found = False
        self.classes: set[str] = set()

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.classes.add(node.name.value)
        return True

    def visit_Try(self, node: cst.Try) -> bool:
        if any(handler_catches_import_error(h) for h in node.handlers):
            for stmt in node.body.body:
                for small in getattr(stmt, "body", ()):
                    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar) \
                            and any(getattr(a.name, "value", "") in ("DirPerms", "FilePerms") for a in small.names):
                        self.found = True
        return True


class _Calls(StepTransformer):
    def __init__(self, ctx: PyContext, unit: PyUnit, classes: set[str]) -> None:
        super().__init__(ctx, unit)
        self.classes = classes

    def _user_enum(self, arg: cst.Arg | None) -> bool:
        """`Perms.READ_ONLY` where `Perms` is a class of this file: the call is the project's own API."""
        v = arg.value if arg is not None else None
        return isinstance(v, cst.Attribute) and isinstance(v.value, cst.Name) and v.value.value in self.classes \
            and not any(q.startswith("wasmtime") for q in self.qnames(v.value))

    def _member(self, arg: cst.Arg, kinds: set[str]) -> str | None:
        for q in self.qnames(arg.value):
            owner, _, member = q.rpartition(".")
            if owner in kinds:
                return member
        return None

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if method_name(original) != "preopen_dir":
            return updated
        pos = positional(original)
        d = pos[2] if len(pos) > 2 else keyword(original, "dir_perms")
        f = pos[3] if len(pos) > 3 else keyword(original, "file_perms")
        if d is None and f is None or self._user_enum(d) or self._user_enum(f):
            return updated
        if has_star(original) or len(pos) > 4:
            self.report(original, f"`preopen_dir` takes `(path, guest_path, fs_mutable: bool)` at wasmtime-py 48; "
                                  f"these arguments cannot be read: {CHOICES}")
            return updated
        dm = self._member(d, DIR) if d is not None else RW
        fm = self._member(f, FILE) if f is not None else RW
        if dm is None or fm is None:
            self.report(original, "`preopen_dir` takes `fs_mutable: bool` at wasmtime-py 48 (`DirPerms`/`FilePerms` "
                                  f"are gone) and these permissions are computed: {CHOICES}. Never pass a "
                                  "permission value positionally: any truthy value means mutable")
            return updated
        if (dm, fm) not in ((RW, RW), (RO, RO)):
            shown = ", ".join(self.code(a.value) for a in (d, f) if a is not None)
            self.report(original, f"`preopen_dir` takes `fs_mutable: bool` at wasmtime-py 48 and `{shown}` has no "
                                  f"equivalent: {CHOICES}")
            return updated
        # positions of the original args are the same in `updated` (only their insides changed)
        idx = {id(a): i for i, a in enumerate(original.args)}
        drop = {idx[id(a)] for a in (d, f) if a is not None}
        first = min(drop)
        args: list[cst.Arg] = []
        for i, a in enumerate(updated.args):
            if i == first and (dm, fm) == (RO, RO):
                args.append(kwarg("fs_mutable", "False").with_changes(comma=a.comma))
            elif i not in drop:
                args.append(a)
        return with_args(updated, args)


class _Imports(StepTransformer):
    """Drop the imports of the enums once no use is left; report the uses that are."""

    def __init__(self, ctx: PyContext, unit: PyUnit, removing: bool = False) -> None:
        super().__init__(ctx, unit)
        self.uses: list[tuple[int, str]] = []  # (line, code) of each use left
        self.removing = removing

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False  # the imported names themselves are not uses

    def visit_Call(self, node: cst.Call) -> bool:
        # calls left as they were were reported already, at the call
        return method_name(node) != "preopen_dir"

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if self.qnames(node) & (DIR | FILE):
            self.uses.append((self.line(node), self.code(node)))
            return False
        return True

    def visit_Name(self, node: cst.Name) -> bool:
        if self.qnames(node) & (DIR | FILE):
            self.uses.append((self.line(node), self.code(node)))
        return False

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine,
                                  updated: cst.SimpleStatementLine) -> cst.SimpleStatementLine | cst.RemovalSentinel:
        if not self.removing:
            return updated
        body: list[cst.BaseSmallStatement] = []
        for small in updated.body:
            if isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative \
                    and self.code(small.module) in MODULES:
                kept = without_names(small, {"DirPerms", "FilePerms"})
                if kept is None:
                    continue
                small = kept
            body.append(small)
        if not body:
            return self.drop_statement(original)
        if len(body) != len(updated.body):
            body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(body=body)


def apply(ctx: PyContext) -> None:
    for unit in ctx.mentioning("DirPerms", "FilePerms", "preopen_dir"):
        scan = _Scan()
        unit.module.visit(scan)
        if scan.found:
            continue
        ctx.transform(unit, _Calls, classes=scan.classes)
        refs = ctx.transform(unit, _Imports)
        assert isinstance(refs, _Imports)
        if refs.uses:
            for line, code in refs.uses:
                ctx.report(unit, line, f"`{code}` no longer exists at wasmtime-py 48: `preopen_dir` takes "
                                       f"`fs_mutable: bool` instead of the two permission enums ({CHOICES})")
            continue
        ctx.transform(unit, _Imports, removing=True)


STEP = Step(
    id="wasmtime-py-48-preopen-perms",
    family="wasmtime-py",
    from_version="47",
    to_version="48",
    safety=Safety.SAFE,
    title="Replace DirPerms/FilePerms arguments of preopen_dir with fs_mutable",
    summary="Rewrite `preopen_dir(host, guest, DirPerms.X, FilePerms.X)` to `preopen_dir(host, guest)` (read-write) "
            "or `preopen_dir(host, guest, fs_mutable=False)` (read-only) and drop the enum imports; report the rest.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/14010",
    prefilter=(b"DirPerms", b"FilePerms"),
    python=apply,
)
