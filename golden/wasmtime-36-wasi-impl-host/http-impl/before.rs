use wasmtime::component::ResourceTable;
use wasmtime_wasi::p2::{IoImpl, IoView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpImpl, WasiHttpView};

pub struct State {
    http: WasiHttpCtx,
    table: ResourceTable,
}

/// A borrowed view handed to the wasi-http host traits.
pub struct HttpInner<'a> {
    ctx: &'a mut WasiHttpCtx,
    table: &'a mut ResourceTable,
}

impl IoView for HttpInner<'_> {
    fn table(&mut self) -> &mut ResourceTable {
        self.table
    }
}

impl WasiHttpView for HttpInner<'_> {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        self.ctx
    }
}

pub fn http_view(state: &mut State) -> WasiHttpImpl<HttpInner<'_>> {
    WasiHttpImpl(IoImpl(HttpInner {
        ctx: &mut state.http,
        table: &mut state.table,
    }))
}

pub fn maybe_view(state: Option<&mut State>) -> Option<WasiHttpImpl<HttpInner<'_>>> {
    let state = state?;
    Some(WasiHttpImpl(IoImpl(HttpInner { ctx: &mut state.http, table: &mut state.table })))
}
