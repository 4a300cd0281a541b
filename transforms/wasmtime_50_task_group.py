"""E50.6 + E50.7 + E50.8 (component-model async only): task ids became task groups; `AccessorTask` is sealed."""

from __future__ import annotations

from wasm_codemod.transform import Safety, Step, StepContext

from ._wasi import paths
from ._wasi_http import method_calls

ACCESSOR_TASK = paths("wasmtime::component::AccessorTask")


def apply(ctx: StepContext) -> None:
    for impl in ctx.impls(ACCESSOR_TASK):
        ctx.report(impl.unit, impl.node, "`AccessorTask` is implemented by async closures only from 50 (it requires "  # type: ignore[arg-type]
                   f"`AsyncFnOnce`): replace this impl by `let t = value; spawn(async move |a| t.run(a).await)` "
                   f"with `run` an inherent async method of `{impl.self_type}`")
    for unit in ctx.units:
        data = unit.src.data
        if b"async_call_stack" in data:
            for call, _f, _r in method_calls(unit, {"async_call_stack"}):
                ctx.report(unit, call, "`async_call_stack()` was removed at 50: correlate activity with a "
                           "`TaskGroupHook` (`Store::task_group_hook`, Cargo feature `task-group-hook`)")
        if b"GuestTaskId" in data or b"TaskGroupId" in data:
            for call, f, _r in method_calls(unit, {"task"}):
                args = call.child_by_field_name("arguments")
                if args is not None and not args.named_children:
                    ctx.replace(unit, f.child_by_field_name("field"), "group")
                    ctx.report(unit, call, "`.task()` → `.group()` (returns `TaskGroupId` from 50); check the "
                               "receiver is a `FuncCallConcurrent`/`TypedFuncCallConcurrent`", "review")


STEP = Step(
    id="wasmtime-50-task-group",
    family="wasmtime",
    from_version="49",
    to_version="50",
    safety=Safety.REVIEW,
    title="Move component-model async task ids to task groups",
    summary="Rename `GuestTaskId` to `TaskGroupId` and `.task()` to `.group()` where task ids are used; report "
            "`async_call_stack` and hand-written `AccessorTask` impls.",
    upstream="https://github.com/bytecodealliance/wasmtime/blob/v50.0.1/crates/wasmtime/src/runtime/component/concurrent/task_group_hook.rs",
    prefilter=(b"GuestTaskId", b"TaskGroupId", b"async_call_stack", b"AccessorTask"),
    apply=apply,
    moves={"wasmtime::component::GuestTaskId": "wasmtime::component::TaskGroupId"},
)
