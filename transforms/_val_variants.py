"""Shared by the variant steps (E36.6, E44.1, E48.4, and the core-enum ones): find exhaustive matches.

Neither `wasmtime::component::Val` nor `wasmtime::component::Type` (nor core `wasmtime::Val`,
`ExternType`, `Extern`, ...) is `#[non_exhaustive]`, so a `match` that lists their variants
without a catch-all arm stops compiling when variants are added. What the new arms should do is
the program's decision, so these steps only report.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.calls import COMMENTS
from wasm_codemod.rust.names import path_of
from wasm_codemod.rust.parse import text, walk, walk_types
from wasm_codemod.transform import RustUnit, StepContext

from ._memo import per_source

ENUMS = {
    ("wasmtime", "component", "Val"): "Val",
    ("wasmtime", "component", "Type"): "Type",
    ("wasmtime", "component", "types", "Type"): "Type",
}


# A variant of each enum that every compiling match without a catch-all arm spells, because it has
# to list every variant (in wasmtime 26.0.0 and 47.0.0 alike, read from the published sources):
# a file that spells none of the asked enums' witnesses holds no match to report, and is not parsed.
# The rarest such name is the best filter.
WITNESS = {
    "wasmtime::component::Val": b"Float64",
    "wasmtime::component::Type": b"Float64",
    "wasmtime::Val": b"V128",
    "wasmtime::Ref": b"Extern",
    "wasmtime::HeapType": b"ConcreteStruct",
    "wasmtime::Extern": b"SharedMemory",
    "wasmtime::ExternType": b"Global",
    "wasmtime_wasi::sockets::SocketAddrUse": b"TcpBind",
}


def crate_root_globs(units: list[RustUnit]) -> list[tuple[str, ...]]:
    """Glob imports at the top of the crate root (`pub(crate) use wasmtime::*;` in lib.rs/main.rs):
    the names a `use crate::*;` elsewhere brings in."""
    out: list[tuple[str, ...]] = []
    for u in units:
        if u.path.endswith(("src/lib.rs", "src/main.rs")) or u.path in ("lib.rs", "main.rs"):
            out += [lf.path for lf in u.names.leaves_in(u.src.root) if lf.glob]
    return out


def _through_crate_glob(unit: RustUnit, segs: tuple[str, ...], at: Node, crate_globs: list[tuple[str, ...]],
                        enums: dict[tuple[str, ...], str]) -> tuple[str, ...] | None:
    """`ExternType` seen through `use crate::*;` and the root's `use wasmtime::*;`."""
    for sc in unit.names.scopes_at(at):
        if any(g.path == ("crate",) for g in sc.globs):
            for cg in crate_globs:
                if cg + segs in enums:
                    return cg + segs
    return None


def _pattern_enum(unit: RustUnit, pat: Node, enums: dict[tuple[str, ...], str] = ENUMS,
                  crate_globs: list[tuple[str, ...]] | None = None, scope: Node | None = None) -> str | None:
    """`Val::U32(x)` / `Type::Bool` / `wasmtime::component::Val::List(..)` -> "Val" / "Type"."""
    return _targets_enum(unit, _pattern_targets(pat), enums, crate_globs, scope)


def _pattern_targets(pat: Node) -> list[tuple[tuple[str, ...], Node]]:
    """The enum paths a pattern names (segments before the variant, and their node), in walk order:
    the same for every enum asked about."""
    out = []
    for n in walk(pat):
        target = None
        if n.type in ("tuple_struct_pattern", "struct_pattern"):
            target = n.child_by_field_name("type")
        elif n.type == "scoped_identifier" and n.parent is not None and \
                n.parent.type in ("match_pattern", "or_pattern"):
            target = n
        if target is None or target.type != "scoped_identifier":
            continue
        head = target.child_by_field_name("path")
        segs = path_of(head) if head is not None else None
        if segs is not None:
            out.append((segs, head))
    return out


def _targets_enum(unit: RustUnit, targets: list[tuple[tuple[str, ...], Node]], enums: dict[tuple[str, ...], str],
                  crate_globs: list[tuple[str, ...]] | None, scope: Node | None) -> str | None:
    for segs, head in targets:
        at = scope or head  # a node of a re-parsed macro body resolves names at the macro call
        full = unit.names.resolve(segs, at, set(enums))
        if full == segs and crate_globs:
            full = _through_crate_glob(unit, segs, at, crate_globs, enums) or full
        if full in enums:
            return enums[full]
    return None


def _is_catch_all(arm: Node) -> bool:
    pat = arm.child_by_field_name("pattern")
    if pat is None or pat.child_by_field_name("condition") is not None:
        return False  # a guarded arm catches nothing for sure
    kids = [c for c in pat.named_children if c.type not in COMMENTS]
    if not kids:
        return text(pat).strip() == "_"
    return irrefutable(kids[0])


def irrefutable(p: Node) -> bool:
    """A pattern that matches every value: `_`, a binding (`x`, `mut x`, `ref x`), `x @ _`, `..`, and
    tuples of those (`(a, b)` over a tuple scrutinee), or an or-pattern with one such alternative."""
    t = p.type
    kids = [c for c in p.named_children if c.type not in COMMENTS]
    if t == "_" or text(p).strip() in ("_", ".."):
        return True
    if t == "identifier":
        return not text(p)[:1].isupper()  # `None` / `FOO` are paths to a variant or a constant
    if t in ("mut_pattern", "ref_pattern"):
        return bool(kids) and irrefutable(kids[-1])
    if t == "captured_pattern":
        return bool(kids) and irrefutable(kids[-1])
    if t in ("tuple_pattern", "parenthesized_pattern"):
        return all(irrefutable(k) for k in kids)
    if t == "or_pattern":
        return any(irrefutable(k) for k in kids)
    if t == "remaining_field_pattern":
        return True
    return False


def report_matches(ctx: StepContext, added: dict[str, list[str]]) -> None:
    """Report each exhaustive match on component `Val`/`Type` that lacks the ``added`` variants."""
    report_enum_matches(ctx, {f"wasmtime::component::{k}": v for k, v in added.items()},
                        {path: f"wasmtime::component::{name}" for path, name in ENUMS.items()})


def report_enum_matches(ctx: StepContext, added: dict[str, list[str]],
                        enums: dict[tuple[str, ...], str] | None = None, at_end: bool = True) -> None:
    """Report each exhaustive match on an enum of ``added`` (full path -> new variants) that lacks them.

    ``enums`` maps every path the enum is reachable by to its key in ``added`` (default: the key's own path).
    ``at_end``: report at the match's closing brace, where the new arms go (the default: the `match`
    itself may be far above), instead of at `match`.
    """
    enums = enums or {tuple(k.split("::")): k for k in added}
    # a match on one of the enums spells its name in the file (in the pattern, or in the `use` that
    # renames it): files that spell none are not walked (most files of a host)
    names = {k[-1].encode() for k in enums}
    witnesses = [WITNESS.get(k) for k in added]
    crate_globs: list[tuple[str, ...]] | None = None
    for unit in ctx.units:
        data = unit.src.data
        if b"match" not in data or not any(n in data for n in names):
            continue
        if all(witnesses) and not any(w in data for w in witnesses):  # type: ignore[operator]
            continue
        if crate_globs is None:
            crate_globs = crate_root_globs(ctx.crate_files or ctx.units)
        for root, shift, scope in [(unit.src.root, 0, None), *macro_bodies(unit)]:
            for m in walk_types(root, ("match_expression",)):
                _check_match(ctx, unit, m, added, enums, crate_globs, at_end, shift, scope)


# a function-like macro whose body is Rust code (`fuzz_target!(|data| { .. })`, `tokio::select!` arms
# are not): its token tree is re-parsed as an expression so matches inside are seen
_WRAP = b"fn __macro_body() { let _ = "


def macro_bodies(unit: RustUnit) -> list[tuple[Node, int, Node]]:
    """(root of the re-parsed body, byte shift back into the file, the macro call) for each macro call
    whose arguments parse as one Rust expression without errors (once per file version: every
    variant step asks)."""
    return per_source(unit.src, "macro_bodies", lambda: _macro_bodies(unit))


def _macro_bodies(unit: RustUnit) -> list[tuple[Node, int, Node]]:
    from wasm_codemod.rust.parse import count_errors, parse_rust

    out = []
    if b"!" not in unit.src.data or b"match" not in unit.src.data:
        return out
    for n in walk_types(unit.src.root, ("macro_invocation",)):
        if b"match" not in unit.src.data[n.start_byte:n.end_byte]:
            continue
        tt = next((c for c in n.children if c.type == "token_tree"), None)
        if tt is None or tt.end_byte - tt.start_byte < 3:
            continue
        inner = unit.src.data[tt.start_byte + 1:tt.end_byte - 1]
        tree = parse_rust(_WRAP + inner + b"; }")
        if count_errors(tree.root_node) == 0:
            out.append((tree.root_node, tt.start_byte + 1 - len(_WRAP), n))
    return out


def _check_match(ctx: StepContext, unit: RustUnit, m: Node, added: dict[str, list[str]],
                 enums: dict[tuple[str, ...], str], crate_globs: list[tuple[str, ...]], at_end: bool,
                 shift: int, scope: Node | None) -> None:
    body = m.child_by_field_name("body")
    shape = _match_shape(unit, m, body, scope)
    if shape is None:
        return
    arm_targets, pats = shape
    kinds = {k for k in (_targets_enum(unit, t, enums, crate_globs, scope) for t in arm_targets) if k}
    if len(kinds) != 1:
        return
    full = kinds.pop()
    enum = full.rsplit("::", 1)[-1]
    arms_text = " ".join(text(p) for p in pats)
    missing = [v for v in added[full] if f"{enum}::{v}" not in arms_text]
    if not missing:
        return
    names = ", ".join(f"`{enum}::{v}`" for v in missing)
    where = (body.end_byte - 1 if at_end and body is not None else m.start_byte) + shift
    head = f"the `match` at line {unit.src.line_of(m.start_byte + shift)}" if at_end else "this `match`"
    ctx.report(unit, where, f"{head} on `{full}` has no catch-all "
               f"(`_`) arm; wasmtime {ctx.step.to_version} adds {names}: add arms for them or a "
               f"`_ => ...` arm (e.g. `_ => wasmtime::bail!(\"unsupported {enum.lower()}\")`)")


def _match_shape(unit: RustUnit, m: Node, body: Node | None,
                 scope: Node | None) -> tuple[list[list[tuple[tuple[str, ...], Node]]], list[Node]] | None:
    """What of a `match` does not depend on the enums asked about (once per file version): None when
    it has no arms or a catch-all arm, else each arm's pattern targets and the arms' patterns."""
    shapes: dict[tuple[int, int], object] = per_source(unit.src, "match_shapes", dict)
    key = (scope.id if scope is not None else -1, m.id)
    if key not in shapes:
        arms = [a for a in (body.named_children if body else []) if a.type == "match_arm"]
        if not arms or any(_is_catch_all(a) for a in arms):
            shapes[key] = None
        else:
            pats = [a.child_by_field_name("pattern") for a in arms]
            # `Some(_)` beside `Some(ExternType::Func(f))`: new variants fall into the wildcard arm
            covered = {c for p in pats if p is not None and (c := _wildcard_wrapper(p)) is not None}
            shapes[key] = ([[] if _wrapper_of(p) in covered and _wildcard_wrapper(p) is None
                            else _pattern_targets(p) for p in pats if p is not None], pats)
    return shapes[key]  # type: ignore[return-value]


def _top_pattern(pat: Node) -> Node | None:
    if pat.child_by_field_name("condition") is not None:
        return None  # a guarded arm catches nothing for sure
    kids = [c for c in pat.named_children if c.type not in COMMENTS]
    return kids[0] if len(kids) == 1 else None


def _wrapper_of(pat: Node) -> str | None:
    """`Some` of an arm `Some(..)` (a tuple-struct pattern), else None."""
    top = _top_pattern(pat)
    if top is None or top.type != "tuple_struct_pattern":
        return None
    t = top.child_by_field_name("type")
    return text(t) if t is not None else None


def _wildcard_wrapper(pat: Node) -> str | None:
    """`Some` of an arm `Some(_)` / `Ok(x)`: a tuple-struct pattern whose every field is irrefutable."""
    name = _wrapper_of(pat)
    if name is None:
        return None
    top = _top_pattern(pat)
    assert top is not None
    t = top.child_by_field_name("type")
    # `_` is an anonymous node: the fields are the children between the parentheses
    fields = [c for c in top.children if c != t and c.type not in ("(", ")", ",", *COMMENTS)]
    return name if fields and all(irrefutable(f) for f in fields) else None
