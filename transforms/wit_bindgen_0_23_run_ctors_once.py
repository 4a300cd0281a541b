"""`run_ctors_once_workaround: bool` became `disable_run_ctors_once_workaround: bool` in wit-bindgen 0.23.

0.20-0.22 run the ctors-once workaround in exports only when asked
(`if self.gen.opts.run_ctors_once_workaround`, wit-bindgen-rust-0.22.0/src/interface.rs:522; option at
wit-bindgen-rust-macro-0.22.0/src/lib.rs:385); 0.23 runs it unless disabled
(`if !self.gen.opts.disable_run_ctors_once_workaround`, wit-bindgen-rust-0.23.0/src/interface.rs:528;
wit-bindgen-rust-macro-0.23.0/src/lib.rs:385) and rejects the old key. `true` is now the default
(deleted); `false` keeps the workaround off as `disable_run_ctors_once_workaround: true`.
"""

from __future__ import annotations

from wasm_codemod.rust.guest import generate_calls
from wasm_codemod.rust.macro_options import remove_entry
from wasm_codemod.transform import Safety, Step, StepContext

OLD, NEW = "run_ctors_once_workaround", "disable_run_ctors_once_workaround"


def apply(ctx: StepContext) -> None:
    for unit, _node, opts in generate_calls(ctx):
        e = opts.get(OLD)
        if e is None:
            continue
        if e.value.text == "true":
            remove_entry(unit.src, unit.edits, e, ctx.step.id, opts.options)
        elif e.value.text == "false":
            ctx.replace(unit, (e.start, e.end), f"{NEW}: true")
        else:
            ctx.report(unit, e.start, f"`{OLD}` is `{NEW}` from wit-bindgen 0.23 with the opposite meaning "
                       f"(the workaround is on by default): write `{NEW}: true` to keep it off")


STEP = Step(
    id="wit-bindgen-0.23-run-ctors-once",
    family="wit-bindgen",
    from_version="0.22",
    to_version="0.23",
    safety=Safety.SAFE,
    title="Invert run_ctors_once_workaround",
    summary="Delete `run_ctors_once_workaround: true` (the default from wit-bindgen 0.23) and write `false` as "
            "`disable_run_ctors_once_workaround: true`.",
    upstream="https://crates.io/crates/wit-bindgen/0.23.0",
    prefilter=(OLD.encode(),),
    apply=apply,
)
