use wasmtime::component::{Linker, ResourceTable};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::{p2, WasiHttpCtxView, WasiHttpHooks, WasiHttpView};
use wasmtime_wasi_http::{WasiHttpCtx, DEFAULT_FORBIDDEN_HEADERS};

/// Hooks that forbid one extra header and write smaller chunks.
#[derive(Default)]
pub struct Hooks {
    chunk: usize,
}

impl WasiHttpHooks for Hooks {
    fn is_forbidden_header(&mut self, name: &hyper::header::HeaderName) -> bool {
        DEFAULT_FORBIDDEN_HEADERS.contains(name) || name.as_str() == "x-internal"
    }

    fn p2_outgoing_body_chunk_size(&mut self) -> usize {
        self.chunk
    }

    fn p2_outgoing_body_buffer_chunks(&mut self) -> usize {
        4
    }
}

pub struct State {
    wasi: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
    hooks: Hooks,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

impl WasiHttpView for State {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: &mut self.hooks,
        }
    }
}

pub fn linker(engine: &wasmtime::Engine) -> wasmtime::Result<Linker<State>> {
    let mut linker = Linker::new(engine);
    p2::add_to_linker_async(&mut linker)?;
    Ok(linker)
}

pub fn plain_view<'a>(http: &'a mut WasiHttpCtx, table: &'a mut ResourceTable) -> WasiHttpCtxView<'a> {
    WasiHttpCtxView { ctx: http, table, hooks: wasmtime_wasi_http::default_hooks() }
}
