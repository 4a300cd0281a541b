use hyper::header::HeaderName;
use wasmtime_wasi_http::WasiHttpHooks;

pub struct Deny {
    pub names: Vec<HeaderName>,
}

impl WasiHttpHooks for Deny {
    fn is_forbidden_header(&mut self, name: &HeaderName) -> bool {
        self.names.contains(name)
    }
}
