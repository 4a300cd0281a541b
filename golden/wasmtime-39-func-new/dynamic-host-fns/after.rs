use wasmtime::component::{Linker, Val};
use wasmtime::{Engine, StoreContextMut};

pub struct Host {
    pub calls: u32,
}

pub fn define(engine: &Engine) -> wasmtime::Result<Linker<Host>> {
    let mut linker: Linker<Host> = Linker::new(engine);
    linker.root().func_new("log", |mut store, _ty, params, _results| {
        store.data_mut().calls += 1;
        if let Some(Val::String(s)) = params.first() {
            println!("{s}");
        }
        Ok(())
    })?;
    let mut env = linker.instance("my:plugin/env")?;
    env.func_new("now", |_store: StoreContextMut<'_, Host>, _ty, _params: &[Val], results: &mut [Val]| {
        results[0] = Val::U64(0);
        Ok(())
    })?;
    env.func_new_async("sleep", |_store, _ty, _params, _results| Box::new(async { Ok(()) }))?;
    Ok(linker)
}

/// Core linkers keep the 4-argument `func_new`.
pub fn core(engine: &Engine) -> wasmtime::Result<wasmtime::Linker<()>> {
    let mut linker = wasmtime::Linker::new(engine);
    let ty = wasmtime::FuncType::new(engine, [], []);
    linker.func_new("env", "tick", ty, |_caller, _params, _results| Ok(()))?;
    Ok(linker)
}
