use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use wasmtime_wasi_http::body::HyperOutgoingBody;

/// The canned 503 the host answers with when the guest fails.
pub fn unavailable() -> hyper::Response<HyperOutgoingBody> {
    let body = Full::new(Bytes::from_static(b"service unavailable"))
        .map_err(|never| match never {})
        .boxed();
    hyper::Response::builder().status(503).body(body).unwrap()
}

/// Unrelated bodies keep `.boxed()`.
pub fn plain() -> http_body_util::combinators::BoxBody<Bytes, std::convert::Infallible> {
    Full::new(Bytes::from_static(b"ok")).boxed()
}
