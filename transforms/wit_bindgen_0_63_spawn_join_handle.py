"""B63.2/B63.3: `spawn_local` returns a `JoinHandle` from 0.63 and must run inside an async task."""

from __future__ import annotations

from tree_sitter import Node

from wasm_codemod.rust.parse import walk_types
from wasm_codemod.transform import Safety, Step, StepContext

# every spelling a spawn call may still have here (apply sees the paths of the starting version)
SPAWN = {
    ("wit_bindgen", "spawn_local"),
    ("wit_bindgen", "spawn"),
    ("wit_bindgen", "rt", "async_support", "spawn"),
    ("wit_bindgen", "rt", "async_support", "spawn_local"),
    ("wit_bindgen_rt", "async_support", "spawn"),
}


def _tail_of_unit_block(call: Node) -> Node | None:
    """The block whose unit-typed tail expression is ``call``, if it is one."""
    block = call.parent
    if block is None or block.type != "block":
        return None
    named = [c for c in block.named_children if c.type not in ("line_comment", "block_comment")]
    if not named or named[-1] != call:
        return None
    owner = block.parent
    if owner is not None and owner.type == "function_item":
        return block if owner.child_by_field_name("return_type") is None else None
    if owner is not None and owner.type == "closure_expression":
        return block if owner.child_by_field_name("return_type") is None else None
    if owner is not None and owner.type in ("expression_statement", "if_expression", "else_clause",
                                            "for_expression", "while_expression", "loop_expression"):
        return block if owner.type in ("for_expression", "while_expression", "loop_expression") else None
    return None


def _in_async(n: Node) -> bool:
    p = n.parent
    while p is not None:
        if p.type == "async_block":
            return True
        if p.type == "function_item":
            mods = next((c for c in p.children if c.type == "function_modifiers"), None)
            return mods is not None and b"async" in (mods.text or b"")
        if p.type == "closure_expression":
            pass
        p = p.parent
    return False


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        for n in walk_types(unit.src.root, ("identifier", "scoped_identifier")):
            if n.type not in ("identifier", "scoped_identifier") or n.parent is None:
                continue
            if n.parent.type in ("scoped_identifier", "use_declaration", "use_list", "scoped_use_list",
                                 "use_as_clause") or not ctx.resolves_to(unit, n, SPAWN):
                continue
            call = n.parent
            if call.type == "token_tree":
                ctx.report(unit, n, "`spawn_local` inside a macro: from wit-bindgen 0.63 it returns a `JoinHandle`; "
                           "end the call with `;` where its value must be `()`", severity="review")
                continue
            if call.type != "call_expression" or call.child_by_field_name("function") != n:
                ctx.report(unit, n, "`spawn_local` is used as a value: from wit-bindgen 0.63 it is generic over "
                           "the output and returns a `JoinHandle<T>`, so a `fn(F)` of it no longer fits; wrap it "
                           "in a closure that ends with `;`")
                continue
            if _tail_of_unit_block(call) is not None:
                ctx.insert(unit, call.end_byte, ";")
                ctx.report(unit, call, "`spawn_local` returns a `JoinHandle` from wit-bindgen 0.63: added `;` so the "
                           "block still evaluates to `()` (dropping the handle detaches the task)", severity="review")
            elif call.parent is not None and call.parent.type == "match_arm":
                ctx.report(unit, call, "`spawn_local` returns a `JoinHandle` from wit-bindgen 0.63: make this "
                           "arm `{ spawn_local(..); }` if the match must be `()`")
            if not _in_async(call):
                ctx.report(unit, call, "from wit-bindgen 0.63 `spawn_local` panics unless it runs inside an async "
                           "export or `block_on`; check that this code only runs there", severity="review")


STEP = Step(
    id="wit-bindgen-0.63-spawn-join-handle",
    family="wit-bindgen",
    from_version="0.62",
    to_version="0.63",
    safety=Safety.REVIEW,
    title="End spawn_local tail calls with a semicolon",
    summary="`spawn_local` returns a `JoinHandle<T>` from 0.63: add `;` where a call was the tail expression of a "
            "unit block, report other value uses and calls outside async code.",
    upstream="https://crates.io/crates/wit-bindgen/0.63.0",
    prefilter=(b"spawn",),
    apply=apply,
)
