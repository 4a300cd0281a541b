"""B10/B11: at 0.45 `with:` applies to imports only, and `inline:` also reads `./wit`."""

from __future__ import annotations

from wasm_codemod.rust.guest import generate_calls
from wasm_codemod.transform import Safety, Step, StepContext, is_wit_dir

from .wit_bindgen_0_42_async_filters import _sides, _wit, _world_of


def apply(ctx: StepContext) -> None:
    for unit, _node, opts in generate_calls(ctx):
        with_ = opts.get("with")
        if with_ is not None and with_.value.kind == "map":
            info = _wit(ctx, opts)
            if info is not None:
                _, exports = _sides(info, _world_of(opts))
                for e in with_.value.entries:
                    iface = e.key.split("/")[0] + "/" + e.key.split("/")[1] if e.key.count("/") >= 2 else e.key
                    if (e.key in exports or iface in exports) and e.value.text != "generate":
                        ctx.report(unit, e.start, f"`with: {{ \"{e.key}\": .. }}` names an export: from wit-bindgen "
                                   "0.45 exports are always generated here and this remapping is ignored (or an "
                                   "\"unused remapping\" error). Remove the entry and implement the local "
                                   f"`exports::…::Guest` trait for `{e.key}`")
        inline = opts.get("inline")
        root = ctx.inputs.dir
        if inline is not None and opts.get("path") is None and root is not None and \
                is_wit_dir(ctx.wit_files(root / "wit"), root / "wit"):
            ctx.report(unit, inline.start, "from wit-bindgen 0.45 `inline:` without `path:` also parses ./wit: "
                       "its packages now load next to the inline WIT (duplicate packages are errors, the inline "
                       "world wins). Add `path: []` if ./wit is unrelated", severity="review")


STEP = Step(
    id="wit-bindgen-0.45-generate-inputs",
    family="wit-bindgen",
    from_version="0.44",
    to_version="0.45",
    safety=Safety.MANUAL,
    title="Report with: keys for exports and inline: next to ./wit",
    summary="Report `with:` entries that remap an exported interface (ignored from 0.45) and `inline:` without "
            "`path:` in a crate that has a `wit/` folder (also parsed from 0.45).",
    upstream="https://github.com/bytecodealliance/wit-bindgen/pull/1367",
    prefilter=(b"with", b"inline"),
    apply=apply,
)
