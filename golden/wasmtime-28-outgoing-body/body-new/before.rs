use wasmtime_wasi_http::body::{HostOutgoingBody, HyperOutgoingBody, StreamContext};

/// The body of a request the host sends on the guest's behalf, with a known length.
pub fn request_body(len: u64) -> (HostOutgoingBody, HyperOutgoingBody) {
    HostOutgoingBody::new(StreamContext::Request, Some(len))
}
