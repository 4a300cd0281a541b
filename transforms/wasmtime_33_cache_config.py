"""E33.3: the cache configuration methods of `Config` were replaced by `Config::cache(Option<Cache>)`.

`cache_config_load_default()` and `cache_config_load(path)` returned `Result<&mut Config>`;
as standalone statements they become `config.cache(Some(Cache::from_file(..)<suffix>));`
(`?`, `.unwrap()`, `.expect(..)`, `.context(..)?` are moved onto `Cache::from_file`); so do match arms
whose value is such a call (`Some(p) => config.cache_config_load(p)?,`): the new expression has the type
of the old one, `&mut Config`.
`disable_cache()` returned `&mut Config`, like `cache(None)`, so it is renamed anywhere.
"""

from __future__ import annotations

from wasm_codemod.rust.calls import method_calls, outer_expression, receiver_decision, statement_of
from wasm_codemod.rust.parse import text
from wasm_codemod.transform import CompilerFix, Safety, Step, StepContext

CONFIG = {("wasmtime", "Config")}
SIMPLE_ARG = ("identifier", "string_literal", "reference_expression", "field_expression", "call_expression",
              "scoped_identifier")


def apply(ctx: StepContext) -> None:
    roots = ctx.crate_roots()
    for unit in ctx.units:
        for mc in method_calls(unit.src.root, {"cache_config_load_default", "cache_config_load", "disable_cache"}):
            decision = receiver_decision(unit.names, mc.receiver, CONFIG, mc.method, roots)
            if decision == "skip":
                continue  # a same-named method of a user type
            if decision == "report":
                ctx.report(unit, mc.call, f"cannot tell whether `{text(mc.receiver)}` is a wasmtime `Config` (this "
                           f"crate defines its own `{mc.method}`): if it is, use `Config::cache(..)` with a "
                           "`wasmtime::Cache` (see the step's docs)")
                continue
            recv = text(mc.receiver)
            if mc.method == "disable_cache":
                if not mc.args:
                    ctx.replace(unit, (mc.name.start_byte, mc.call.end_byte), "cache(None)")
                continue
            if mc.method == "cache_config_load_default" and mc.args:
                continue
            if mc.method == "cache_config_load" and len(mc.args) != 1:
                continue
            outer, kinds = outer_expression(mc.call)
            # a statement, or a match arm's value (`Some(p) => config.cache_config_load(p)?,`): the new
            # expression has the old one's type (`&mut Config`), so the arm still matches its siblings
            arm = outer.parent is not None and outer.parent.type == "match_arm" and \
                outer.parent.child_by_field_name("value") == outer
            stmt = statement_of(outer) if not arm else outer
            if stmt is None or not kinds or "await" in kinds:
                ctx.report(unit, mc.call, f"`{mc.method}` was removed and its result is used here: call "
                           f"`{recv}.cache(Some(wasmtime::Cache::from_file(...)?))` as its own statement "
                           "(`from_file(None)` for the default location, `from_file(Some(path.as_ref()))` for a "
                           "file), then continue the chain on the config")
                continue
            if mc.method == "cache_config_load":
                arg = mc.args[0]
                a = text(arg) if arg.type in SIMPLE_ARG else f"({text(arg)})"
                file_arg = f"Some({a}.as_ref())"
            else:
                file_arg = "None"
            cache = ctx.import_name(unit, "wasmtime::Cache", mc.call)
            suffix = unit.src.data[mc.call.end_byte:outer.end_byte].decode("utf-8")
            ctx.replace(unit, outer, f"{recv}.cache(Some({cache}::from_file({file_arg}){suffix}))")


# When the step cannot tell the receiver is a wasmtime `Config` (reached through `use wasmtime::*`,
# a re-export or a wrapper), rustc can: E0599 names the type. Only calls whose result is unwrapped
# (`?`, `.unwrap()`, `.expect(..)`) are rewritten: `cache(..)` returns the `&mut Config` they yielded.
_RECV = r"(?P<recv>[A-Za-z_][\w.]*(?:\(\))?)\s*\.\s*"
_SUFFIX = r"(?P<suffix>\?|\.unwrap\(\)|\.expect\([^()]*\))"
_ON_CONFIG = r"found for [^`]*`(?:&mut |&)?(?:wasmtime::)?Config`"
COMPILER_FIXES = (
    CompilerFix("E0599", rf"no method named `cache_config_load_default` {_ON_CONFIG}",
                site=_RECV + r"cache_config_load_default\(\s*\)" + _SUFFIX,
                replace="{recv}.cache(Some(wasmtime::Cache::from_file(None){suffix}))",
                note="cache_config_load_default() -> cache(Some(Cache::from_file(None)?))"),
    CompilerFix("E0599", rf"no method named `cache_config_load` {_ON_CONFIG}",
                site=_RECV + r"cache_config_load\(\s*(?P<arg>[^(),;]+?)\s*\)" + _SUFFIX,
                replace="{recv}.cache(Some(wasmtime::Cache::from_file(Some(({arg}).as_ref())){suffix}))",
                note="cache_config_load(p) -> cache(Some(Cache::from_file(Some(p.as_ref()))?))"),
    CompilerFix("E0599", rf"no method named `disable_cache` {_ON_CONFIG}", site=r"\bdisable_cache\(\s*\)",
                replace="cache(None)", note="disable_cache() -> cache(None)"),
)

STEP = Step(
    id="wasmtime-33-cache-config",
    family="wasmtime",
    from_version="32",
    to_version="33",
    safety=Safety.SAFE,
    title="Configure the compilation cache with Config::cache",
    summary="Rewrite `config.cache_config_load_default()?` / `cache_config_load(p)?` to "
            "`config.cache(Some(Cache::from_file(..)?))` and `disable_cache()` to `cache(None)`.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/10665",
    prefilter=(b"cache_config_load", b"disable_cache"),
    apply=apply,
    compiler_fixes=COMPILER_FIXES,
)
