use wasmtime_wasi_http::body::HostIncomingBody;
use wasmtime_wasi_http::types::HostIncomingRequest;

/// Names the types but builds nothing by hand (requests come from `WasiHttpView::new_incoming_request`):
/// nothing to report.
pub fn describe(_req: &HostIncomingRequest, body: Option<&HostIncomingBody>) -> &'static str {
    if body.is_some() { "with body" } else { "no body" }
}
