use std::time::Duration;
use wasmtime_wasi_http::bindings::http::types::Scheme;
use wasmtime_wasi_http::body::{HostIncomingBody, HyperIncomingBody};
use wasmtime_wasi_http::types::HostIncomingRequest;
use wasmtime_wasi_http::WasiHttpView;

/// A proxy that builds the guest's incoming request by hand (42 shape, with the size limit).
pub fn incoming(
    view: &mut dyn WasiHttpView,
    parts: http::request::Parts,
    body: HyperIncomingBody,
) -> wasmtime::Result<HostIncomingRequest> {
    let body = HostIncomingBody::new(body, Duration::from_secs(30), 1 << 20);
    HostIncomingRequest::new(view, parts, Scheme::Http, Some(body), 1 << 20)
}
