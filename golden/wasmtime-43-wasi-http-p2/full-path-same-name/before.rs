mod local {
    // the project's own view trait: same name, must not change
    pub trait WasiHttpView {
        fn ctx(&mut self) -> &mut u32;
        fn table(&mut self) -> &mut u32;
    }
}

pub struct State {
    http: wasmtime_wasi_http::WasiHttpCtx,
    table: wasmtime::component::ResourceTable,
    counter: u32,
}

impl wasmtime_wasi_http::WasiHttpView for State {
    fn ctx(&mut self) -> &mut wasmtime_wasi_http::WasiHttpCtx {
        &mut self.http
    }
    fn table(&mut self) -> &mut wasmtime::component::ResourceTable {
        &mut self.table
    }
}

impl local::WasiHttpView for State {
    fn ctx(&mut self) -> &mut u32 {
        &mut self.counter
    }
    fn table(&mut self) -> &mut u32 {
        &mut self.counter
    }
}

pub fn linker(engine: &wasmtime::Engine) -> wasmtime::Result<wasmtime::component::Linker<State>> {
    let mut linker = wasmtime::component::Linker::new(engine);
    wasmtime_wasi_http::add_only_http_to_linker_async(&mut linker)?;
    Ok(linker)
}
