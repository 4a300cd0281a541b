use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt};
use wasmtime_wasi_http::bindings::http::types::ErrorCode;

/// The body every answer of this proxy carries.
pub type Answer = hyper::Response<BoxBody<Bytes, anyhow::Error>>;

pub fn forward(resp: hyper::Response<BoxBody<Bytes, ErrorCode>>) -> Answer {
    let (parts, body) = resp.into_parts();
    hyper::Response::from_parts(parts, body.map_err(anyhow::Error::from).boxed())
}
