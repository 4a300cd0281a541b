//! Engine setup (async, with the compilation cache) and calls through the raw component API.

use anyhow::Result;
use wasmtime::component::{Component, Linker, Val};
use wasmtime::{Cache, Config, Engine, Store};

pub fn async_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    config.async_support(true);
    config.cache(Some(Cache::from_file(None)?));
    Engine::new(&config)
}

pub async fn call_exports(engine: &Engine, path: &str) -> Result<()> {
    let mut linker: Linker<()> = Linker::new(engine);
    linker.root().func_new("host-log", |_store, params, results| {
        println!("host-log called with {} params", params.len());
        if let Some(slot) = results.get_mut(0) {
            *slot = Val::U32(0);
        }
        Ok(())
    })?;

    let mut store = Store::new(engine, ());
    let component = Component::from_file(engine, path)?;
    let instance = linker.instantiate_async(&mut store, &component).await?;

    let name = instance.get_typed_func::<(), (String,)>(&mut store, "name")?;
    let (plugin_name,) = name.call_async(&mut store, ()).await?;
    name.post_return_async(&mut store).await?;

    let run = instance.get_typed_func::<(&str,), (u32,)>(&mut store, "run")?;
    let (code,) = run.call_async(&mut store, ("hello",)).await?;
    run.post_return_async(&mut store).await?;
    println!("{plugin_name}: {code}");
    Ok(())
}

/// The same call on a synchronous engine.
pub fn call_sync(path: &str) -> Result<u32> {
    let engine = Engine::default();
    let linker: Linker<()> = Linker::new(&engine);
    let mut store = Store::new(&engine, ());
    let component = Component::from_file(&engine, path)?;
    let instance = linker.instantiate(&mut store, &component)?;
    let run = instance.get_typed_func::<(&str,), (u32,)>(&mut store, "run")?;
    let (code,) = run.call(&mut store, ("hello",))?;
    run.post_return(&mut store)?;
    Ok(code)
}
