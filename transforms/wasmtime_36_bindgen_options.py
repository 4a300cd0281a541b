"""E36.5: `bindgen!` options `async`, `trappable_imports`, `tracing`, ... become `imports:`/`exports:`.

35: `async: true, trappable_imports: ["f"], tracing: true`
36: `imports: { "ns:pkg/iface/f": async | trappable | tracing, default: async | tracing },
     exports: { default: async | tracing }`

A rule for a function replaces the `default:` flags for it (only the first matching rule is
used), so every per-function rule carries the default flags too. Names from the old list
forms are qualified by reading the world's WIT; at 36-38 an interface member is written
`iface/func` (39 writes `iface.func`, see wasmtime-39-bindgen-selectors).
"""

from __future__ import annotations

from wasm_codemod.rust.bindgen import (
    ImportedFunc,
    format_flags,
    imported_functions,
    parse_flags,
    select_world,
    wasmtime_bindgen_calls,
    wit_imports,
    wit_paths,
    wit_worlds,
    world_exports,
)
from wasm_codemod.rust.macro_options import Entry, MacroOptions, Value
from wasm_codemod.source import Edit
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext

OLD_KEYS = ("async", "trappable_imports", "tracing", "verbose_tracing", "concurrent_imports", "concurrent_exports")
SEP = "/"  # interface member separator in selectors at 36-38


def apply(ctx: StepContext) -> None:
    unsure: list = []
    calls = wasmtime_bindgen_calls(ctx, unsure)
    for unit, node, opts in unsure:
        if opts is not None and any(e.key in OLD_KEYS for e in opts.options.entries):
            ctx.report(unit, node, "this `bindgen!` is imported through a crate path, so the tool cannot tell "
                       "whether it is wasmtime's; if it is, replace `async`/`trappable_imports`/`tracing` by "
                       "`imports: { default: ... }` / `exports: { default: ... }` by hand")
    for unit, _node, opts in calls:
        if opts is None or opts.shorthand is not None:
            continue  # `bindgen!("world" in "path")` has no options to migrate
        old = [e for e in opts.options.entries if e.key in OLD_KEYS]
        if old:
            _migrate(ctx, unit, opts, old)


class _Unsure(Exception):
    pass


def _bool(e: Entry | None) -> bool:
    if e is None:
        return False
    if e.value.kind != "bool":
        raise _Unsure(f"`{e.key}: {e.value.text}` is not a literal `true`/`false`")
    return e.value.text == "true"


def _names(v: Value, key: str) -> list[str]:
    if v.kind != "list" or any(i.kind != "string" for i in v.items):
        raise _Unsure(f"`{key}` must be a list of string literals")
    return [i.string for i in v.items]


def _migrate(ctx: StepContext, unit: RustUnit, opts: MacroOptions, old: list[Entry]) -> None:
    get = opts.get
    try:
        tracing = _bool(get("tracing"))
        verbose = _bool(get("verbose_tracing"))
        conc_imp = _bool(get("concurrent_imports"))
        conc_exp = _bool(get("concurrent_exports"))
        # async
        a = get("async")
        async_all = async_except = async_only = None
        if a is not None:
            if a.value.kind == "bool" or a.value.kind == "expr":
                async_all = _bool(a)
            elif a.value.kind == "map":
                ex, on = a.value.get("except_imports"), a.value.get("only_imports")
                if ex is not None and len(a.value.entries) == 1:
                    async_except = _names(ex.value, "except_imports")
                elif on is not None and len(a.value.entries) == 1:
                    async_only = _names(on.value, "only_imports")
                else:
                    raise _Unsure("`async: { ... }` must hold exactly one of `only_imports` / `except_imports`")
            else:
                raise _Unsure(f"`async: {a.value.text}` is not a form this tool knows")
        any_async = bool(async_all) or async_except is not None or async_only is not None
        t = get("trappable_imports")
        trap_all, trap_list = False, None
        if t is not None:
            if t.value.kind == "list":
                trap_list = _names(t.value, "trappable_imports")
            else:
                trap_all = _bool(t)
    except _Unsure as exc:
        ctx.report(unit, old[0].start, f"{exc}; rewrite the options by hand as `imports: {{ default: ... }}` / "
                   "`exports: {{ default: ... }}` (flags `async`, `trappable`, `tracing`, `verbose_tracing`)")
        return

    common = set()
    if tracing:
        common.add("tracing")
    if verbose:
        common.add("verbose_tracing")
    imp_default = set(common)
    if trap_all:
        imp_default.add("trappable")
    if bool(async_all) or async_except is not None:
        imp_default.add("async")
    if any_async and conc_imp:
        imp_default.add("store")
    exp_default = set(common)
    if any_async:
        exp_default.add("async")
        if conc_exp:
            exp_default.add("store")
    if exp_default and _exports_nothing(ctx, opts):
        exp_default = set()  # `exports:` flags for a world without exports would be noise

    # per-function rules: selector -> flags
    rules: dict[str, set[str]] = {}
    needs_wit = [*(trap_list or []), *(async_only or []), *(async_except or [])]
    funcs: list[ImportedFunc] | None = None
    if any("#" not in n for n in needs_wit):
        funcs = _world_functions(ctx, unit, opts)
        if funcs is None:
            return

    def selectors(name: str, key: str) -> list[str]:
        if "#" in name:  # `ns:pkg/iface#f`: qualified already (only async lists accepted this)
            q, f = name.rsplit("#", 1)
            return [f"{q}{SEP}{f}"]
        found = [fn.selector(SEP) for fn in funcs or [] if fn.name == name]
        if not found:
            ctx.report(unit, opts.get(key).start if opts.get(key) else opts.macro,
                       f"`{name}` names no function imported by this world; its rule was dropped "
                       "(36 rejects unused `imports:` rules)", "review")
        return found

    trap_sels = {sel for n in trap_list or [] for sel in selectors(n, "trappable_imports")}
    only_sels = {sel for n in async_only or [] for sel in selectors(n, "async")}
    except_sels = {sel for n in async_except or [] for sel in selectors(n, "async")}
    base = set(common)
    for sel in sorted(trap_sels | only_sels | except_sels, key=_order(trap_list, async_only, async_except)):
        flags = set(base)
        if trap_all or sel in trap_sels:
            flags.add("trappable")
        if async_all or (async_except is not None and sel not in except_sels) or sel in only_sels:
            flags.add("async")
            if conc_imp:
                flags.add("store")
        if any(fn.world_level and fn.name == sel for fn in funcs or []):
            flags.add("exact")
        rules[sel] = flags

    _emit(ctx, unit, opts, old, imp_default, exp_default, rules)
    if trap_list or async_only or async_except:
        at = opts.get("trappable_imports") or opts.get("async")
        ctx.report(unit, at.start, "function names of the list option were qualified from the WIT "
                   f"({', '.join(sorted(rules))}); check them against the world", "review")
    if any_async:
        ctx.report(unit, old[0].start, "async host bindings: 36 generates `Host` trait methods as "
                   "`fn f(&mut self, ..) -> impl Future<Output = ..> + Send` (an `async fn` in the impl still "
                   "compiles). If only calls into the guest need to be async, `exports: { default: async }` "
                   "alone keeps the host traits sync", "info")
    if conc_imp or conc_exp:
        ctx.report(unit, old[0].start, "`concurrent_*` became the `store` flag: the `HostConcurrent` traits are "
                   "now named `HostWithStore`; rename them in your impls", "review")


def _order(*lists):
    names = [n for lst in lists for n in (lst or [])]

    def key(sel: str) -> tuple[int, str]:
        for i, n in enumerate(names):
            if sel.endswith(n) or sel.endswith(n.rsplit("#", 1)[-1]):
                return (i, sel)
        return (len(names), sel)
    return key


def _exports_nothing(ctx: StepContext, opts: MacroOptions) -> bool:
    """The bindgen!'s world (read from its WIT files) exports nothing; False when unsure."""
    root = ctx.inputs.dir
    paths = wit_paths(opts, root) if root is not None else None
    if not paths or all(ctx.wit_files(p) is None for p in paths):
        return False
    ws = wit_worlds(paths, ctx.wit_files)
    w = opts.get("world")
    world = select_world(ws, w.value.string if w is not None and w.value.kind == "string" else None)
    return world is not None and world_exports(ws, world) is False


def _world_functions(ctx: StepContext, unit: RustUnit, opts: MacroOptions) -> list[ImportedFunc] | None:
    at = opts.get("trappable_imports") or opts.get("async")
    where = at.start if at else opts.macro
    root = ctx.inputs.dir
    paths = wit_paths(opts, root) if root is not None else None
    if root is None or not paths or all(ctx.wit_files(p) is None for p in paths):
        ctx.report(unit, where, "the WIT of this bindgen! could not be read, so the function names of the list "
                   "option cannot be qualified; write each as `imports: { \"ns:pkg/iface/func\": flags }` by hand")
        return None
    ws = wit_imports(paths, ctx.wit_files)
    w = opts.get("world")
    world = select_world(ws, w.value.string if w is not None else None)
    if world is None:
        ctx.report(unit, where, "could not tell which WIT world this bindgen! uses; write each listed function "
                   "as `imports: { \"ns:pkg/iface/func\": flags }` by hand")
        return None
    return imported_functions(ws, world)


def _map_text(default: set[str], rules: dict[str, set[str]], existing: Value | None, multiline: bool,
              indent: str) -> str:
    entries: list[tuple[str, str]] = []  # (key text, flags text)
    ex_default: set[str] = set()
    if existing is not None:
        for e in existing.entries:
            if e.key == "default":
                ex_default = parse_flags(e.value.text)
                continue
            src_key = existing.text[e.key_start - existing.start:e.key_end - existing.start]
            # the old top-level keys applied to every function, this hand-written rule included
            flags = parse_flags(e.value.text) | default
            if e.key in rules:
                flags |= rules.pop(e.key)
            entries.append((src_key, format_flags(flags) or "exact"))
    for sel, flags in rules.items():
        entries.append((f'"{sel}"', format_flags(flags) or "exact"))
    d = default | ex_default
    if d:
        entries.append(("default", format_flags(d)))
    if multiline and len(entries) > 1:
        inner = "".join(f"{indent}    {k}: {v},\n" for k, v in entries)
        return "{\n" + inner + indent + "}"
    return "{ " + ", ".join(f"{k}: {v}" for k, v in entries) + " }"


def _emit(ctx: StepContext, unit: RustUnit, opts: MacroOptions, old: list[Entry], imp_default: set[str],
          exp_default: set[str], rules: dict[str, set[str]]) -> None:
    src = unit.src
    data = src.data
    multiline = b"\n" in data[opts.options.start:opts.options.end]
    first = min(old, key=lambda e: e.start)
    indent = src.indent_at(first.start) if multiline else ""
    new_entries: list[str] = []
    for key, default, r in (("imports", imp_default, rules), ("exports", exp_default, {})):
        if not default and not r:
            continue
        ex = opts.get(key)
        if ex is not None and ex.value.kind == "map":
            text = _map_text(default, dict(r), ex.value, b"\n" in data[ex.value.start:ex.value.end]
                             or (multiline and bool(r)), src.indent_at(ex.start) if multiline else "")
            ctx.replace(unit, (ex.value.start, ex.value.end), text)
        elif ex is not None:
            ctx.report(unit, ex.start, f"`{key}:` is not a map; merge the migrated flags into it by hand")
            return
        else:
            new_entries.append(f"{key}: {_map_text(default, dict(r), None, multiline, indent)}")
    if new_entries:
        joined = (",\n" + indent).join(new_entries) if multiline else ", ".join(new_entries)
        ctx.replace(unit, (first.start, first.end), joined)
    else:
        _remove(ctx, unit, opts, first)
    for e in old:
        if e is not first:
            _remove(ctx, unit, opts, e)


def _remove(ctx: StepContext, unit: RustUnit, opts: MacroOptions, e: Entry) -> None:
    from wasm_codemod.rust.macro_options import remove_entry

    data = unit.src.data
    entries = opts.options.entries
    idx = entries.index(e)
    if e.comma_end is None and idx > 0 and b"\n" not in data[entries[idx - 1].end:e.end]:
        # last entry of a one-line map: take the comma before it instead of leaving `, }`
        prev = entries[idx - 1]
        ok = unit.edits.try_add(Edit(prev.end, e.end, b"", ctx.step.id))
    else:
        ok = remove_entry(unit.src, unit.edits, e, ctx.step.id)
    if not ok:
        ctx.report(unit, e.start, f"could not remove `{e.key}:` (overlapping edit); delete it by hand")


STEP = Step(
    id="wasmtime-36-bindgen-options",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.REVIEW,
    title="Rewrite bindgen! async/trappable/tracing options as imports/exports",
    summary="Replace the removed `bindgen!` keys `async`, `trappable_imports`, `tracing`, `verbose_tracing` and "
            "`concurrent_*` by `imports: { default: ... }` / `exports: { default: ... }`, qualifying listed "
            "function names from the WIT.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11328",
    prefilter=(b"bindgen!",),
    apply=apply,
)
