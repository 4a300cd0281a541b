"""wasmtime 44: `wasmtime-wasi-tls-nativetls` / `-openssl` were merged into `wasmtime-wasi-tls` (#12780)."""

from __future__ import annotations

from wasm_codemod import cargo
from wasm_codemod.transform import ManifestContext, Safety, Step

OLD = {"wasmtime-wasi-tls-nativetls": "nativetls", "wasmtime-wasi-tls-openssl": "openssl"}


def manifest(ctx: ManifestContext) -> None:
    for dep in cargo.iter_deps(ctx.data):
        if dep.name in OLD:
            ctx.report(ctx.line_of_key(dep.key), f"`{dep.name}` is not published from wasmtime 44: depend on "
                       f"`wasmtime-wasi-tls = {{ version = \"{ctx.target}\", features = [\"{OLD[dep.name]}\"] }}` "
                       f"(the `{OLD[dep.name]}` backend feature replaces the crate) and update the `use` paths")


STEP = Step(
    id="wasmtime-44-wasi-tls-crates",
    family="wasmtime",
    from_version="43",
    to_version="44",
    safety=Safety.MANUAL,
    title="Report the merged wasi-tls backend crates",
    summary="Report `wasmtime-wasi-tls-nativetls`/`-openssl` dependencies: merged into `wasmtime-wasi-tls` with "
            "backend features at 44.",
    upstream="https://github.com/bytecodealliance/wasmtime/pull/12780",
    manifest=manifest,
    handles_crates=tuple(OLD),
)
