use wasmtime::component::ResourceTable;
use wasmtime_wasi_http::{WasiHttpCtx, DEFAULT_FORBIDDEN_HEADERS};
use wasmtime_wasi_http::p2::WasiHttpView;

pub struct Proxy {
    http: WasiHttpCtx,
    table: ResourceTable,
}

impl WasiHttpView for Proxy {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
    fn is_forbidden_header(&mut self, name: &hyper::header::HeaderName) -> bool {
        DEFAULT_FORBIDDEN_HEADERS.contains(name) || name.as_str() == "x-internal"
    }
}
