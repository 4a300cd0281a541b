"""E35: wasmtime-wasi-http's generated `http::types::add_to_linker` and `Proxy::add_to_linker` take `&LinkOptions`.

API ledger, 34->35: `add_to_linker::<T, D>(linker, getter)` became `add_to_linker::<T, D>(linker, &LinkOptions,
getter)` (the options switch unstable WIT features; `LinkOptions::default()` keeps 34's behaviour). Calls with
the old two arguments get `&Default::default()` inserted, the shape real hosts wrote.
"""

from __future__ import annotations

import pathlib
import re

from wasm_codemod.rust.calls import call_arguments
from wasm_codemod.transform import FollowUp, RustUnit, Safety, Step, StepContext, is_wit_file

from ._report_only import path_calls
from ._wasi import paths

FUNCS = paths(
    "wasmtime_wasi_http::bindings::http::types::add_to_linker",
    "wasmtime_wasi_http::bindings::sync::http::types::add_to_linker",
    "wasmtime_wasi_http::bindings::Proxy::add_to_linker",
    "wasmtime_wasi_http::bindings::sync::Proxy::add_to_linker",
)


# the wasi:http WIT version wasmtime-wasi-http ships (its wit/deps), by first line
SHIPPED_HTTP = (("46", (0, 2, 12)), ("35", (0, 2, 6)))


def _version(v: str) -> tuple[int, ...] | None:
    core = v.lstrip("@").split("-", 1)[0].split("+", 1)[0]
    try:
        return tuple(int(x) for x in core.split("."))
    except ValueError:
        return None


def _world_http_versions(ws, world) -> set[str]:  # type: ignore[no-untyped-def]
    """Versions (`@0.2.3`) of the wasi:http interfaces/worlds a world imports or includes."""
    out: set[str] = set()
    seen: set[int] = set()

    def go(w) -> None:  # type: ignore[no-untyped-def]
        if id(w) in seen:
            return
        seen.add(id(w))
        for ref in [*w.includes, *(v for k, v in w.imports if k == "iface"), *w.uses]:
            if isinstance(ref, str) and ref.startswith("wasi:http/") and "@" in ref:
                out.add("@" + ref.split("@", 1)[1])
        for inc in w.includes:
            other = ws.worlds.get(inc) or ws.worlds.get(inc.split("@", 1)[0])
            if other is not None:
                go(other)

    go(world)
    return out


def _old_vendored_http(ctx: StepContext) -> None:
    """`with: { "wasi:http..": wasmtime_wasi_http::bindings::http.. }` over a world whose WIT pins an older
    wasi:http than wasmtime-wasi-http ships: from 35 the generated `add_to_linker` of the mapped interfaces
    misses `&LinkOptions` (E0061), because only the crate's newer WIT has the `@unstable` items that need it."""
    from wasm_codemod.rust.bindgen import select_world, wasmtime_bindgen_calls, wit_paths, wit_worlds
    from wasm_codemod.transform import line_key

    shipped = next((v for first, v in SHIPPED_HTTP if line_key(ctx.target) >= line_key(first)), None)
    if shipped is None:
        return
    for unit, _node, opts in wasmtime_bindgen_calls(ctx):
        w = opts.get("with") if opts is not None else None
        if w is None or w.value.kind != "map":
            continue
        mapped = [e for e in w.value.entries if e.key.startswith("wasi:http")
                  and e.value.text.replace(" ", "").startswith(("wasmtime_wasi_http::", "::wasmtime_wasi_http::"))]
        if not mapped:
            continue
        root = ctx.inputs.dir
        paths_ = wit_paths(opts, root) if root is not None else None
        if not paths_ or all(ctx.wit_files(p) is None for p in paths_):
            continue
        ws = wit_worlds(paths_, ctx.wit_files)  # imports, includes and uses of worlds: no interfaces
        wn = opts.get("world")
        world = select_world(ws, wn.value.string if wn is not None and wn.value.kind == "string" else None)
        if world is None:
            continue
        old = sorted(v for v in _world_http_versions(ws, world) if (_version(v) or shipped) < shipped)
        if old:
            want = ".".join(map(str, shipped))
            rel = _relative(ctx, paths_)
            where = ", ".join(f"`{r}/`" for r in rel) if rel else "the WIT directory"
            ctx.report(unit, mapped[0].start, f"this world's WIT pins wasi:http{old[0]}, older than the "
                       f"wasi:http@{want} wasmtime-wasi-http {ctx.target} ships, and `with:` maps it to "
                       "wasmtime-wasi-http's bindings: "
                       "the generated `add_to_linker` then misses the `&LinkOptions` argument (E0061). Re-vendor the "
                       f"WASI WIT at {want} in {where} (its deps and the `@{old[0].lstrip('@')}` references), or "
                       "drop the `with:` entry and implement the http interfaces of your own WIT", paths=rel)
            _report_world_references(ctx, unit, paths_, rel, old, want)


def _report_world_references(ctx: StepContext, unit: RustUnit, dirs: list[pathlib.Path], rel: tuple[str, ...],
                             old: list[str], want: str) -> None:
    """The exact sites in the world's own WIT (not its `deps/`): each line naming wasi:http at an old version."""
    if len(rel) != len(dirs):
        return  # outside the run's tree: the Rust follow-up says it all
    pat = re.compile(r"\bwasi:http/[\w-]+(?:@(?P<v>[0-9][\w.+-]*))")
    for d, r in zip(dirs, rel, strict=True):
        files = ctx.wit_files(d) or []
        is_dir = not is_wit_file(files, d)
        for f in files:
            if not is_dir and d.suffix != ".wit":
                continue
            inner = pathlib.PurePosixPath(f.inner)
            if "deps" in inner.parts[:-1]:
                continue  # vendored packages: re-vendored as a whole
            try:
                lines = f.data.decode("utf-8").splitlines()
            except UnicodeDecodeError:
                continue
            for i, line in enumerate(lines, 1):
                m = pat.search(line)
                if m is None or "@" + (m.group("v") or "").rstrip(".") not in old:
                    continue
                where = f"{r}/{inner.as_posix()}" if is_dir else r
                ctx.follow_ups.append(FollowUp(
                    where, i, ctx.step.id, f"`{m.group(0).rstrip('.')}`: wasmtime-wasi-http {ctx.target} ships "
                    f"wasi:http@{want}, and the `with:` mapping in {unit.path} needs this world at that version: "
                    f"move this reference (and the other WASI ones) to {want} when re-vendoring its deps",
                    "manual", ctx.step.upstream))


def _relative(ctx: StepContext, dirs: list[pathlib.Path]) -> tuple[str, ...]:
    """``dirs`` as the run's reports name files (empty when one is outside the tree the run was given)."""
    out = []
    for d in dirs:
        r = ctx.inputs.display(d)
        if r is None:
            return ()
        out.append(r)
    return tuple(out)


def apply(ctx: StepContext) -> None:
    _old_vendored_http(ctx)
    for unit in ctx.units:
        for call in path_calls(ctx, unit, FUNCS):
            kids = call_arguments(call)
            if len(kids) != 2:
                continue  # already (linker, &options, getter)
            ctx.insert(unit, kids[1].start_byte, "&Default::default(), ")


STEP = Step(
    id="wasmtime-35-http-link-options",
    family="wasmtime",
    from_version="34",
    to_version="35",
    safety=Safety.SAFE,
    title="Pass LinkOptions to wasi-http's generated add_to_linker",
    summary="Insert `&Default::default()` as the options argument of `wasmtime_wasi_http::bindings::http::types::"
            "add_to_linker` / `bindings::Proxy::add_to_linker` calls.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v35.0.0/crates/wasi-http/src/lib.rs",
    prefilter=(b"add_to_linker", b"wasmtime_wasi_http"),
    apply=apply,
    units_only=True,
)
