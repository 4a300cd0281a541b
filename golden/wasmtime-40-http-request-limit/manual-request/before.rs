use wasmtime::component::Resource;
use wasmtime_wasi_http::bindings::http::types::Scheme;
use wasmtime_wasi_http::body::HostIncomingBody;
use wasmtime_wasi_http::types::HostIncomingRequest;
use wasmtime_wasi_http::WasiHttpView;

/// A proxy that builds the guest's incoming request by hand.
pub fn incoming(
    view: &mut dyn WasiHttpView,
    parts: http::request::Parts,
    body: HostIncomingBody,
) -> wasmtime::Result<Resource<HostIncomingRequest>> {
    let req = HostIncomingRequest::new(view, parts, Scheme::Https, Some(body))?;
    Ok(view.table().push(req)?)
}
