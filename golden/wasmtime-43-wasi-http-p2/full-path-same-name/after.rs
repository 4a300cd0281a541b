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

impl wasmtime_wasi_http::p2::WasiHttpView for State {
    fn http(&mut self) -> wasmtime_wasi_http::p2::WasiHttpCtxView<'_> {
        wasmtime_wasi_http::p2::WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: Default::default(),
        }
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
    wasmtime_wasi_http::p2::add_only_http_to_linker_async(&mut linker)?;
    Ok(linker)
}
