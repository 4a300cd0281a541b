"""E34.1: generated `add_to_linker` takes `D: HasData`; call sites get `::<_, HasSelf<_>>`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tree_sitter import Node

from wasm_codemod.rust.calls import fn_pointer_return, is_mut_ref, passed_fn_pointer_return, written_type
from wasm_codemod.rust.impls import item_with_attrs_start
from wasm_codemod.rust.parse import identifiers_named, in_use_declaration, text, walk_types
from wasm_codemod.transform import RustUnit, Safety, Step, StepContext
from wasm_codemod.wordsearch import word_matches, word_search

from ._code_in_strings import report_in_strings

HAS_SELF = "wasmtime::component::HasSelf"
# add_to_linker functions of these crates take no closure and are unchanged by E34.1
NOT_GENERATED = ("wasmtime_wasi", "wasmtime_wasi_http", "wasmtime_wasi_io", "wasmtime_wasi_nn",
                 "wasmtime_wasi_config", "wasmtime_wasi_keyvalue", "wasmtime_wasi_tls", "wasmtime")


VALUE_HINT = ("from wasmtime 34 {what} where the function is passed as a value: write "
              "`{p}::add_to_linker::<_, D>` with "
              "`D = wasmtime::component::HasSelf<H>` when the getter returns `&mut H`, or a "
              "`struct D; impl HasData for D {{ type Data<'a> = ...; }}` naming what the getter returns")


# (searched as words: wasm_codemod.wordsearch)
OWN_FN = re.compile(rb"fn\s+add_to_linker\b")
_HAS_NAME = re.compile(rb"(Has[A-Z]\w*)\b")
IN_STRINGS = re.compile(r"::add_to_linker\s*\(\s*[\w&*. ]+,\s*\|")


def apply(ctx: StepContext) -> None:
    report_in_strings(ctx, IN_STRINGS, "calls a generated `add_to_linker(linker, |..| ..)`: from wasmtime 34 "
                      "write `add_to_linker::<_, HasSelf<_>>(..)` (and import `wasmtime::component::HasSelf`) "
                      "when the getter returns `&mut` of the store data, or name a `HasData` type", b"add_to_linker")
    sites: list[_Site] = []
    _report_values(ctx, sites)
    _get_host_calls(ctx, sites)
    if any(b"bindgen!" in u.src.data for u in ctx.crate_files):
        _generated_calls(ctx)
    # (no bindgen! in this crate: nothing of ours calls a generated add_to_linker directly)
    _apply_sites(ctx, sites)


def _generated_calls(ctx: StepContext) -> None:
    own = _handwritten_owners(ctx.units)
    wiggle = _wiggle_modules(ctx.crate_files or ctx.units)
    for unit in ctx.units:
        for call in _calls_of_scoped(unit, ("add_to_linker",)):
            fn = call.child_by_field_name("function")
            if fn is None:
                continue
            if fn.type == "scoped_identifier":
                name = fn.child_by_field_name("name")
                if name is None or text(name) == "add_to_linker_get_host":
                    continue  # get_host calls: _get_host_calls
                if text(name) != "add_to_linker" or _is_library_call(ctx, unit, fn):
                    continue
                qualifier = fn.child_by_field_name("path")
                if qualifier is not None and text(qualifier).split("::")[-1] in own:
                    continue  # the project's own `fn add_to_linker` (beside a bindgen!, not made by it)
                if qualifier is not None and any(seg in wiggle for seg in text(qualifier).split("::")):
                    continue  # a module of wiggle's from_witx! output (`wiggle_abi::fastly_abi::add_to_linker`)
                _rewrite(ctx, unit, call, name)


def _report_values(ctx: StepContext, sites: list[_Site]) -> None:
    """`ctx.link(bindings::x::add_to_linker)`: the generated fn handed over as a value (the bindings may
    live in another crate of the workspace, so no `bindgen!` is required here). When the receiving
    fn's parameter spells out the getter (`fn(&mut T) -> R`), the D follows from R: a site."""
    own = _handwritten_owners(ctx.crate_files or ctx.units)
    for unit in ctx.units:
        if b"add_to_linker" not in unit.src.data:
            continue
        for n in _scoped_named(unit, _LINKER_FNS):
            if n.parent is None:
                continue
            name, qualifier = n.child_by_field_name("name"), n.child_by_field_name("path")
            if name is None or qualifier is None or text(name) not in ("add_to_linker", "add_to_linker_get_host"):
                continue
            parent = n.parent
            if parent.type == "call_expression" and parent.child_by_field_name("function") == n:
                continue  # a call: handled below
            if parent.type in ("scoped_identifier", "generic_function") or in_use_declaration(n):
                continue  # `::<..>` already given, or part of a longer path / an import
            if text(name) == "add_to_linker" and (_is_library_call(ctx, unit, n)
                                                 or text(qualifier).split("::")[-1] in own):
                continue
            found = _receiver_getter(ctx, unit, n)
            if found is not None:
                sites.append(_Site(unit, n, name, found[0], found[1], text(name) == "add_to_linker_get_host"))
                continue
            what = ("`add_to_linker_get_host` is gone and `add_to_linker` takes a type parameter `D: HasData` "
                    "that cannot be inferred" if text(name) == "add_to_linker_get_host" else
                    "a generated `add_to_linker` takes a second type parameter `D: HasData` that cannot be "
                    "inferred")
            ctx.report(unit, n, VALUE_HINT.format(what=what, p=text(qualifier)))




_LINKER_FNS = ("add_to_linker", "add_to_linker_get_host")


def _scoped_named(unit: RustUnit, names: tuple[str, ...]) -> list[Node]:
    """The `a::..::name` paths (scoped_identifier) whose last segment is one of ``names``, in pre-order:
    read from where the bytes spell the name (a host file has thousands of paths and a few of these)."""
    out = []
    for leaf in identifiers_named(unit.src.root, unit.src.data, frozenset(names), ("identifier",)):
        n = leaf.parent
        if n is not None and n.type == "scoped_identifier" and n.child_by_field_name("name") == leaf:
            out.append(n)
    return sorted(out, key=lambda n: (n.start_byte, -n.end_byte))


def _calls_of_scoped(unit: RustUnit, names: tuple[str, ...]) -> list[Node]:
    """The calls `a::..::name(..)` of ``names``, in pre-order (see `_scoped_named`)."""
    out = []
    for n in _scoped_named(unit, names):
        call = n.parent
        if call is not None and call.type == "call_expression" and call.child_by_field_name("function") == n:
            out.append(call)  # a call starts where its function does: still in pre-order
    return out


def _handwritten_owners(units: list[RustUnit]) -> set[str]:
    """Modules (file or inline) and types whose `add_to_linker` is written in the source: bindgen!
    output is never in the source, so calls through these names are not to generated code."""
    owners: set[str] = set()
    for u in units:
        if b"add_to_linker" not in u.src.data or word_search(OWN_FN, u.src.data) is None:
            continue  # token check first: a file without the fn is never parsed
        stem = u.path.rsplit("/", 1)[-1].removesuffix(".rs")
        if stem == "mod":
            stem = u.path.rsplit("/", 2)[-2] if u.path.count("/") else stem
        for n in walk_types(u.src.root, ("function_item",)):
            nm = n.child_by_field_name("name")
            if nm is None or text(nm) != "add_to_linker":
                continue
            holder = n.parent
            if holder is None:
                continue
            if holder.type == "source_file":
                owners.add(stem)
            elif holder.type == "declaration_list" and holder.parent is not None:
                owner = holder.parent
                if owner.type == "mod_item":
                    mname = owner.child_by_field_name("name")
                    if mname is not None:
                        owners.add(text(mname))
                elif owner.type == "impl_item" and owner.child_by_field_name("trait") is None:
                    ty = owner.child_by_field_name("type")
                    if ty is not None:
                        base = ty.child_by_field_name("type") if ty.type == "generic_type" else ty
                        owners.add(text(base or ty).split("::")[-1])
    return owners


def _wiggle_modules(units: list[RustUnit]) -> set[str]:
    """Modules holding a `wiggle::from_witx!`: their `add_to_linker(linker, get_cx)` is wiggle's
    (`<T, U>` with an `impl Fn` argument, no `HasData`), not bindgen's."""
    out: set[str] = set()
    for u in units:
        if b"from_witx" not in u.src.data:
            continue
        for n in walk_types(u.src.root, ("macro_invocation",)):
            if not text(n).split("!", 1)[0].endswith("from_witx"):
                continue
            holder = n.parent
            while holder is not None and holder.type not in ("mod_item", "source_file"):
                holder = holder.parent
            if holder is not None and holder.type == "mod_item" and holder.child_by_field_name("name") is not None:
                out.add(text(holder.child_by_field_name("name")))
            else:
                stem = u.path.rsplit("/", 1)[-1].removesuffix(".rs")
                out.add(u.path.rsplit("/", 2)[-2] if stem == "mod" and u.path.count("/") else stem)
    return out


def _is_library_call(ctx: StepContext, unit: RustUnit, fn: Node) -> bool:
    from wasm_codemod.rust.names import path_of

    segs = path_of(fn)
    if segs is None:
        return True
    full = unit.names.resolve(segs, fn)
    return full[0] in NOT_GENERATED


def _rewrite(ctx: StepContext, unit: RustUnit, call: Node, name: Node) -> None:
    """`x::add_to_linker(linker, getter)`: at 33 its getter returned `&mut U` (wasmtime-wit-bindgen 33
    `get: impl Fn(&mut T) -> &mut U`), so D is `HasSelf<_>` wherever the call compiled."""
    args = call.child_by_field_name("arguments")
    arg_nodes = [a for a in (args.named_children if args else []) if a.type not in ("line_comment", "block_comment")]
    if len(arg_nodes) != 2:
        return  # not the generated (linker, getter) form
    getter = arg_nodes[1]
    if getter.type == "closure_expression":
        body = getter.child_by_field_name("body")
        if body is not None and body.type == "block":
            inner = [c for c in body.named_children if c.type not in ("line_comment", "block_comment")]
            body = inner[0] if len(inner) == 1 else None
        ok = body is not None and (body.type in ("identifier", "self") or
                                   (body.type == "reference_expression" and text(body).startswith("&mut")))
        if not ok:
            ctx.report(unit, call, "the getter does not return `&mut` of the store data; define "
                       "`struct D; impl HasData for D { type Data<'a> = ...; }` and call `add_to_linker::<_, D>`")
            return
        if getter.child_by_field_name("parameters") is not None and "move" in text(getter).split("|")[0]:
            ctx.report(unit, call, "a `move` closure may capture its environment; the getter must be a plain "
                       "`fn` pointer from wasmtime 34")
            return
    has_self = ctx.import_name(unit, HAS_SELF, call)
    ctx.insert(unit, name.end_byte, f"::<_, {has_self}<_>>")


# -- the D of a site whose getter type is written out ------------------------------------------
# `add_to_linker_get_host(linker, get)` and `link(x::add_to_linker)` need a `D: HasData` that no
# inference finds. When the getter's type is spelled (`get: fn(&mut T) -> R`, `let get = f as fn(..) -> R`,
# or the receiving fn's `fn(&mut T) -> R` parameter), D is certain: `HasSelf<_>` for `R = &mut X`,
# else a unit struct with `type Data<'a> = R` ('_ -> 'a), defined once per crate and per R.


@dataclass
class _Site:
    unit: RustUnit
    node: Node  # the path (value) or the call (get_host call)
    name: Node  # `add_to_linker` / `add_to_linker_get_host` segment
    r_unit: RustUnit | None  # where R is written (None: a closure returning `&mut`)
    r_type: Node | None
    rename: bool  # get_host: the name becomes `add_to_linker`


GET_HOST_HINT = ("`add_to_linker_get_host` was removed: call `add_to_linker::<_, D>` with a type `D` that "
                 "implements `wasmtime::component::HasData`")


def _get_host_calls(ctx: StepContext, sites: list[_Site]) -> None:
    for unit in ctx.units:
        if b"add_to_linker_get_host" not in unit.src.data:
            continue
        for call in walk_types(unit.src.root, ("call_expression",)):
            fn = call.child_by_field_name("function")
            if fn is None or fn.type != "scoped_identifier":
                continue
            name = fn.child_by_field_name("name")
            if name is None or text(name) != "add_to_linker_get_host":
                continue
            args = call.child_by_field_name("arguments")
            arg_nodes = [a for a in (args.named_children if args else [])
                         if a.type not in ("line_comment", "block_comment")]
            found = _getter_of(unit, arg_nodes[-1]) if len(arg_nodes) in (2, 3) else None
            if found is None:
                ctx.report(unit, call, GET_HOST_HINT)
                continue
            sites.append(_Site(unit, call, name, found[0] if found[1] is not None else None, found[1], True))


def _getter_of(unit: RustUnit, arg: Node) -> tuple[RustUnit, Node | None] | None:
    """R of a getter argument: a closure returning `&mut` (None), a fn parameter or a `let` with a fn type."""
    if arg.type == "closure_expression":
        body = arg.child_by_field_name("body")
        if body is not None and body.type == "block":
            inner = [c for c in body.named_children if c.type not in ("line_comment", "block_comment")]
            body = inner[0] if len(inner) == 1 else None
        if body is not None and "move" not in text(arg).split("|")[0] and (
                body.type in ("identifier", "self") or
                (body.type == "reference_expression" and text(body).startswith("&mut"))):
            return unit, None
        return None
    if arg.type != "identifier":
        return None
    ty = written_type(arg)
    r = fn_pointer_return(ty) if ty is not None else None
    return (unit, r) if r is not None else None


def _receiver_getter(ctx: StepContext, unit: RustUnit, value: Node) -> tuple[RustUnit, Node] | None:
    """`recv.link(x::add_to_linker)` / `link(x::add_to_linker)`: R from the declaration of `link`
    (in this crate, else in the crates it depends on by path). Every same-named fn must agree."""
    args = value.parent
    if args is None or args.type != "arguments" or args.parent is None or args.parent.type != "call_expression":
        return None
    func = args.parent.child_by_field_name("function")
    if func is None:
        return None
    method = func.type == "field_expression"
    callee = func.child_by_field_name("field") if method else (
        func.child_by_field_name("name") if func.type == "scoped_identifier" else func)
    if callee is None or callee.type not in ("identifier", "field_identifier"):
        return None
    arg_list = [a for a in args.named_children if a.type not in ("line_comment", "block_comment")]
    idx = next(i for i, a in enumerate(arg_list) if a == value)
    fname = text(callee)
    found: list[tuple[RustUnit, Node]] = []
    for u in _units_defining(ctx, fname):
        for f in walk_types(u.src.root, ("function_item", "function_signature_item")):
            nm = f.child_by_field_name("name")
            if nm is None or text(nm) != fname:
                continue
            ps = f.child_by_field_name("parameters")
            plist = [p for p in (ps.named_children if ps else []) if p.type in ("parameter", "self_parameter")]
            has_self = bool(plist) and plist[0].type == "self_parameter"
            if has_self != method:
                continue
            own = [p for p in plist if p.type == "parameter"]
            ty = own[idx].child_by_field_name("type") if idx < len(own) else None
            r = passed_fn_pointer_return(f, ty) if ty is not None else None
            if r is None:
                return None
            found.append((u, r))
    if not found or len({_norm(text(r)) for _, r in found}) != 1:
        return None
    return found[0]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _units_defining(ctx: StepContext, fname: str) -> list[RustUnit]:
    token = re.compile(rb"fn\s+" + re.escape(fname.encode()) + rb"\b")
    here = [u for u in (ctx.crate_files or ctx.units) if word_search(token, u.src.data)]
    return here or [u for d in ctx.dependency_crates() for u in d.units if word_search(token, u.src.data)]


def _wasmtime_path(ctx: StepContext) -> str | None:
    """How this crate names wasmtime: `wasmtime` when it writes it as a root path, else a re-export
    it already uses (`spin_core::wasmtime`) or one a path dependency declares (`pub use wasmtime;`)."""
    from wasm_codemod.rust.names import path_of

    files = ctx.crate_files or ctx.units
    seen: dict[str, int] = {}
    for u in files:
        if b"wasmtime" not in u.src.data:
            continue
        paths = [lf.path for d in u.names.decls for lf in u.names.leaves_of(d)]
        paths += [tuple(p) for n in walk_types(u.src.root, ("scoped_identifier", "scoped_type_identifier"))
                  if (n.parent is None or n.parent.type not in ("scoped_identifier", "scoped_type_identifier"))
                  and not in_use_declaration(n) and (p := path_of(n)) is not None]
        for p in paths:
            if p[:1] == ("wasmtime",):
                return "wasmtime"
            if len(p) > 2 and p[1] == "wasmtime" and p[0] not in ("crate", "self", "super"):
                seen[p[0]] = seen.get(p[0], 0) + 1
    if seen:
        return max(sorted(seen), key=lambda k: seen[k]) + "::wasmtime"
    for dep in ctx.dependency_crates():
        lib = dep.file("src/lib.rs")
        if lib is not None and re.search(rb"^pub use wasmtime;", lib.src.data, re.M):
            return f"{dep.name}::wasmtime"
    return None


def _apply_sites(ctx: StepContext, sites: list[_Site]) -> None:
    if not sites:
        return
    wt = _wasmtime_path(ctx)
    structs: dict[str, tuple[RustUnit, str]] = {}  # normalized R -> (defining unit, struct name)
    groups: dict[str, list[_Site]] = {}
    for s in sites:
        if s.r_type is None or is_mut_ref(s.r_type):
            groups.setdefault("", []).append(s)
        else:
            groups.setdefault(_norm(text(s.r_type)), []).append(s)
    taken = {m.group(1).decode() for u in (ctx.crate_files or ctx.units)
             for m in word_matches(_HAS_NAME, u.src.data)}
    for key, group in groups.items():
        if wt is None:
            for s in group:
                d = "HasSelf<_>" if not key else "a `HasData` type"
                ctx.report(s.unit, s.node, f"from wasmtime 34 write `add_to_linker::<_, {d}>` here (`{d}` from "
                           "`wasmtime::component`; this crate names no `wasmtime` path: reach it through a "
                           "re-export or add the dependency)")
            continue
        if not key:
            for s in group:
                has_self = ctx.import_name(s.unit, f"{wt}::component::HasSelf", s.node)
                _write(ctx, s, f"{has_self}<_>")
            continue
        first = group[0]
        assert first.r_type is not None and first.r_unit is not None
        name = _struct_name(first.r_type, taken) if all(_standalone(g.r_type) for g in group
                                                        if g.r_type is not None) else None
        if name is None:
            for s in group:
                ctx.report(s.unit, s.node, GET_HOST_HINT)
            continue
        own = {id(u) for u in (ctx.crate_files or ctx.units)}
        if any(s.r_unit is None or id(s.r_unit) not in own for s in group):
            # R is written in another crate (a path dependency's link helper): its names resolve there
            for s in group:
                ctx.report(s.unit, s.node, f"from wasmtime 34 write `add_to_linker::<_, D>` here with "
                           f"`struct D; impl HasData for D {{ type Data<'a> = {text(first.r_type)}; }}` "
                           "('_ as 'a), the type the receiving link helper's getter returns")
            continue
        taken.add(name)
        def_unit = min((s.r_unit for s in group if s.r_unit is not None), key=lambda u: (u.path.count("/"), u.path))
        r_node = next(s.r_type for s in group if s.r_unit is def_unit)
        assert r_node is not None
        module = _module_of(def_unit)
        cross = any(s.unit is not def_unit for s in group)
        if cross and (module is None or not all(_sees(_module_of(s.unit), module) for s in group
                                                 if s.unit is not def_unit)):
            for s in group:
                ctx.report(s.unit, s.node, GET_HOST_HINT)
            continue
        anchor = next((s.node for s in group if s.unit is def_unit), r_node)
        item = anchor
        while item.parent is not None and item.parent.type != "source_file":
            item = item.parent
        has_data = ctx.import_name(def_unit, f"{wt}::component::HasData", item)
        data = re.sub(r"'_\b", "'a", text(r_node))
        vis = "pub(crate) " if cross else ""
        at = def_unit.src.line_start(item_with_attrs_start(item))
        ctx.insert(def_unit, at, f"{vis}struct {name};\n\nimpl {has_data} for {name} {{\n"
                                 f"    type Data<'a> = {data};\n}}\n\n")
        structs[key] = (def_unit, name)
        for s in group:
            local = name if s.unit is def_unit else ctx.import_name(
                s.unit, "::".join(("crate",) + (module or ()) + (name,)), s.node)
            _write(ctx, s, local)


def _write(ctx: StepContext, s: _Site, d: str) -> None:
    if s.rename:
        ctx.replace(s.unit, s.name, f"add_to_linker::<_, {d}>")
    else:
        ctx.insert(s.unit, s.name.end_byte, f"::<_, {d}>")


def _standalone(r: Node) -> bool:
    """Can R stand alone as `type Data<'a> = R` ('_ -> 'a)? Not when it names a type parameter of an
    enclosing item (the struct would have none) or holds an elided reference lifetime."""
    generics: set[str] = set()
    p = r.parent
    while p is not None:
        tps = p.child_by_field_name("type_parameters")
        if tps is not None:
            for tp in tps.named_children:
                nm = tp.child_by_field_name("name")
                if nm is not None:
                    generics.add(text(nm))
        p = p.parent
    if re.search(r"\bSelf\b", text(r)):
        return False
    for n in walk_types(r, ("type_identifier", "reference_type")):
        if n.type == "type_identifier" and text(n) in generics:
            return False
        if n.type == "reference_type" and not any(c.type == "lifetime" for c in n.children):
            return False
    return True


def _struct_name(r: Node, taken: set[str]) -> str | None:
    base = r.child_by_field_name("type") if r.type == "generic_type" else r
    if base is None or base.type not in ("type_identifier", "scoped_type_identifier"):
        return None
    stem = "Has" + text(base).rsplit("::", 1)[-1]
    for i in range(1, 10):
        cand = stem if i == 1 else f"{stem}{i}"
        if cand not in taken:
            return cand
    return None


def _sees(user: tuple[str, ...] | None, module: tuple[str, ...]) -> bool:
    """Can code in ``user`` name `crate::<module>::X`? Each module on the way is private to its
    parent, so ``user`` must lie inside the parent of ``module``."""
    return user is not None and user[:len(module) - 1] == module[:-1]


def _module_of(unit: RustUnit) -> tuple[str, ...] | None:
    """Module path of a file of the library from its place under src/ (None: cannot tell)."""
    parts = unit.path.replace("\\", "/").split("/")
    if "src" not in parts:
        return None
    rel = parts[len(parts) - 1 - parts[::-1].index("src") + 1:]
    if not rel or rel[0] == "bin" or rel[-1] == "main.rs":
        return None
    rel[-1] = rel[-1].removesuffix(".rs")
    if rel[-1] in ("mod", "lib"):
        rel.pop()
    return tuple(rel)


STEP = Step(
    id="wasmtime-34-has-data",
    family="wasmtime",
    from_version="33",
    to_version="34",
    safety=Safety.SAFE,
    title="Pass HasSelf to generated add_to_linker",
    summary="Insert `::<_, HasSelf<_>>` into calls of bindgen-generated `add_to_linker` and import `HasSelf`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10770",
    prefilter=(b"add_to_linker",),
    apply=apply,
    units_only=True,
)
