use bytes::Bytes;
use http_body_util::BodyExt;
use wasmtime_wasi_http::bindings::http::types::ErrorCode;
use http_body_util::combinators::UnsyncBoxBody;

/// The body every answer of this proxy carries.
pub type Answer = hyper::Response<UnsyncBoxBody<Bytes, anyhow::Error>>;

pub fn forward(resp: hyper::Response<UnsyncBoxBody<Bytes, ErrorCode>>) -> Answer {
    let (parts, body) = resp.into_parts();
    hyper::Response::from_parts(parts, body.map_err(anyhow::Error::from).boxed_unsync())
}
