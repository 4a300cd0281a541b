use std::time::Duration;
use wasmtime::component::Resource;
use wasmtime_wasi_http::bindings::http::types::Scheme;
use wasmtime_wasi_http::body::{HostIncomingBody, HyperIncomingBody};
use wasmtime_wasi_http::types::HostIncomingRequest;
use wasmtime_wasi_http::WasiHttpView;

/// A proxy that builds the guest's incoming request by hand (to keep its own body timeout).
pub fn incoming(
    view: &mut dyn WasiHttpView,
    parts: http::request::Parts,
    body: HyperIncomingBody,
) -> wasmtime::Result<Resource<HostIncomingRequest>> {
    let body = HostIncomingBody::new(body, Duration::from_secs(30));
    let req = HostIncomingRequest::new(view, parts, Scheme::Http, Some(body))?;
    Ok(view.table().push(req)?)
}
