use wasmtime_wasi_http::types::HostIncomingRequest;

/// Names the type, builds nothing: nothing to report.
pub fn is_request(_r: &HostIncomingRequest) -> bool {
    true
}
