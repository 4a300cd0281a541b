"""E36: `wiggle::GuestError` lost `PtrBorrowed` and `BorrowCheckerOutOfHandles` (wiggle's borrow checker is gone).

API ledger, 35->36 (wiggle). Hosts that map `GuestError` to their own error codes with an exhaustive
`match` (viceroy) name both variants, which no longer exist. They can never occur, so their patterns are
removed: an alternative of an or-pattern is cut out with its `|`, an arm made only of them is deleted.
"""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import text, walk_types
from wasm_codemod.transform import Safety, Step, StepContext

GONE = {"PtrBorrowed", "BorrowCheckerOutOfHandles"}


def _variant(pat: Node) -> str | None:
    """`PtrBorrowed { .. }`, `GuestError::PtrBorrowed { .. }`, `BorrowCheckerOutOfHandles` -> the name."""
    head = pat.child_by_field_name("type") if pat.type in ("struct_pattern", "tuple_struct_pattern") else pat
    if head is None or head.type not in ("identifier", "type_identifier", "scoped_identifier",
                                         "scoped_type_identifier"):
        return None
    name = text(head).rsplit("::", 1)[-1]
    if name not in GONE:
        return None
    if head.type.startswith("scoped") and "GuestError" not in text(head):
        return None  # another enum's variant of the same name
    return name


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        if b"GuestError" not in unit.src.data:
            continue  # the variants are only reachable through `GuestError`
        for arm in [n for n in walk_types(unit.src.root, ("match_arm",)) if n.type == "match_arm"]:
            mp = arm.child_by_field_name("pattern")
            top = mp.named_children[0] if mp is not None and mp.named_children else None
            if top is None:
                continue
            alts = _alternatives(top)
            gone = [a for a in alts if _variant(a)]
            if not gone:
                continue
            if len(gone) == len(alts):
                ctx.delete_lines(unit, arm)
                continue
            for a in gone:
                i = alts.index(a)
                if i > 0:  # cut from the end of the previous alternative: drops ` | X`
                    ctx.replace(unit, (alts[i - 1].end_byte, a.end_byte), "")
                else:  # the first one: cut up to the next alternative
                    ctx.replace(unit, (a.start_byte, alts[1].start_byte), "")


def _alternatives(p: Node) -> list[Node]:
    if p.type != "or_pattern":
        return [p]
    out: list[Node] = []
    for c in p.named_children:
        out.extend(_alternatives(c))
    return out


STEP = Step(
    id="wasmtime-36-wiggle-guest-error",
    family="wasmtime",
    from_version="35",
    to_version="36",
    safety=Safety.SAFE,
    title="Drop the removed GuestError variants from matches",
    summary="Remove `PtrBorrowed` and `BorrowCheckerOutOfHandles` patterns (gone from `wiggle::GuestError` at 36) "
            "from `match` arms.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v36.0.0/crates/wiggle/src/error.rs",
    prefilter=(b"PtrBorrowed", b"BorrowCheckerOutOfHandles"),
    apply=apply,
)
