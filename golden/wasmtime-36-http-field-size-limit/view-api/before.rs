use wasmtime::component::Resource;
use wasmtime_wasi_http::bindings::http::types::Scheme;
use wasmtime_wasi_http::body::HyperIncomingBody;
use wasmtime_wasi_http::types::HostIncomingRequest;
use wasmtime_wasi_http::WasiHttpView;

/// Through the view (the usual way): the limit comes from the WasiHttpCtx, nothing to report.
pub fn incoming<V: WasiHttpView>(
    view: &mut V,
    req: http::Request<HyperIncomingBody>,
) -> wasmtime::Result<Resource<HostIncomingRequest>> {
    view.new_incoming_request(Scheme::Http, req)
}
