//! anyhow's `Context` on a wasmtime result and an `anyhow!` error where a wasmtime one is
//! expected: shapes wasmtime-42-error-type cannot see without types (a helper hides the type).
use anyhow::Context;
use wasmtime::{Engine, Func, FuncType, Module, Store};

fn compile(engine: &Engine, wasm: &[u8]) -> wasmtime::Result<Module> {
    Module::new(engine, wasm)
}

pub fn load(engine: &Engine, wasm: &[u8]) -> anyhow::Result<Module> {
    let module = compile(engine, wasm).context("failed to compile")?;
    Ok(module)
}

pub fn load_named(engine: &Engine, wasm: &[u8], name: &str) -> anyhow::Result<Module> {
    compile(engine, wasm).with_context(|| format!("failed to compile {name}"))
}

pub fn refuse(store: &mut Store<()>, ty: FuncType, name: String) -> Func {
    Func::new(store, ty, move |_caller, _params, _results| {
        Err(anyhow::anyhow!(
            "unknown import {}",
            name
        ))
    })
}
