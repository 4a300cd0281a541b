"""E35.x: types deriving `ComponentType` (or Lift/Lower) must be `Send + Sync` (#11160)."""

from __future__ import annotations

import re

from wasm_codemod.rust.parse import text
from wasm_codemod.transform import Safety, Step, StepContext

NOT_SYNC = re.compile(r"\b(Rc|RefCell|Cell|UnsafeCell)<|\*(?:const|mut) ")
NOT_SYNC_BYTES = re.compile(NOT_SYNC.pattern.encode())


def apply(ctx: StepContext) -> None:
    for unit in ctx.units:
        data = unit.src.data
        if b"derive" not in data or not NOT_SYNC_BYTES.search(data):
            continue  # nothing to report unless the file derives and holds a non-Sync type somewhere
        for n in _items(unit.src.root):
            attrs = []
            prev = n.prev_named_sibling
            while prev is not None and prev.type == "attribute_item":
                attrs.append(text(prev))
                prev = prev.prev_named_sibling
            if not any("ComponentType" in a or "Lift" in a or "Lower" in a for a in attrs if "derive" in a):
                continue
            body = n.child_by_field_name("body")
            found = [m.group(1) or m.group(0).strip() for m in NOT_SYNC.finditer(text(body))] if body else []
            if found:
                ctx.report(unit, n, f"from wasmtime 35 a type deriving ComponentType/Lift/Lower must be Send + Sync; "
                           f"this one holds {', '.join(dict.fromkeys(found))}: use Arc/Mutex/atomics instead")


def _items(root):
    from wasm_codemod.rust.parse import walk_types

    for n in walk_types(root, ("struct_item", "enum_item")):
        if n.type in ("struct_item", "enum_item"):
            yield n


STEP = Step(
    id="wasmtime-35-component-type-send-sync",
    family="wasmtime",
    from_version="34",
    to_version="35",
    safety=Safety.MANUAL,
    title="Report ComponentType types that are not Send + Sync",
    summary="Report `#[derive(ComponentType)]` types holding `Rc`/`RefCell`/`Cell`/raw pointers: they must be "
            "`Send + Sync` from 35.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/11160",
    prefilter=(b"ComponentType", b"Lift", b"Lower"),
    apply=apply,
)
