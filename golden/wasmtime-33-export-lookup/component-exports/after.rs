use wasmtime::component::{Component, ComponentExportIndex, Instance, Linker, TypedFunc};
use wasmtime::{Engine, Store};

/// Looks up `run` inside the exported `my:plugin/api` instance.
pub fn find_run(component: &Component) -> Option<ComponentExportIndex> {
    let (_, api) = component.get_export(None, "my:plugin/api")?;
    let (_, run) = component.get_export(Some(&api), "run")?;
    Some(run)
}

pub fn call_run(engine: &Engine, component: &Component) -> wasmtime::Result<u32> {
    let mut store = Store::new(engine, ());
    let linker: Linker<()> = Linker::new(engine);
    let instance: Instance = linker.instantiate(&mut store, component)?;
    let api = instance
        .get_export_index(&mut store, None, "my:plugin/api")
        .ok_or_else(|| wasmtime::Error::msg("missing api"))?;
    let run = instance.get_export_index(&mut store, Some(&api), "run").expect("run export");
    let func: TypedFunc<(), (u32,)> = instance.get_typed_func(&mut store, &run)?;
    let (n,) = func.call(&mut store, ())?;
    func.post_return(&mut store)?;
    Ok(n)
}

/// Core modules keep the 2-argument `get_export`.
pub fn core_memory(store: &mut Store<()>, instance: &wasmtime::Instance) -> Option<wasmtime::Memory> {
    instance.get_export(&mut *store, "memory").and_then(|e| e.into_memory())
}
