use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Empty};
use wasmtime_wasi_http::bindings::http::types::ErrorCode;
use http_body_util::combinators::UnsyncBoxBody;

/// What every handler of this server answers with.
pub type Reply = hyper::Response<UnsyncBoxBody<Bytes, anyhow::Error>>;

/// A status with no body.
pub fn status(code: u16) -> Reply {
    let body = UnsyncBoxBody::new(Empty::new().map_err(|never| match never {}));
    hyper::Response::builder().status(code).body(body).unwrap()
}

/// A plain text answer.
pub fn text(s: &'static str) -> Reply {
    let body = http_body_util::Full::new(Bytes::from_static(s.as_bytes()))
        .map_err(|never| match never {})
        .boxed_unsync();
    hyper::Response::new(body)
}

/// The guest's response, as the server sends it on.
pub fn from_guest(resp: hyper::Response<UnsyncBoxBody<Bytes, ErrorCode>>) -> Reply {
    let (parts, body) = resp.into_parts();
    let body = body.map_err(|e| anyhow::anyhow!("{e}")).boxed_unsync();
    hyper::Response::from_parts(parts, body)
}

/// Handlers' results become replies.
pub trait IntoReply {
    fn into_reply(self) -> Reply;
}

impl IntoReply for hyper::Response<UnsyncBoxBody<Bytes, ErrorCode>> {
    fn into_reply(self) -> Reply {
        from_guest(self)
    }
}

impl IntoReply for Result<hyper::Response<UnsyncBoxBody<Bytes, ErrorCode>>, ErrorCode> {
    fn into_reply(self) -> Reply {
        match self {
            Ok(r) => r.into_reply(),
            Err(e) => {
                let body = UnsyncBoxBody::new(http_body_util::Full::new(Bytes::from(e.to_string()))
                    .map_err(|never| match never {}));
                hyper::Response::builder().status(502).body(body).unwrap()
            }
        }
    }
}

/// Unrelated bodies keep `BoxBody`.
pub fn other() -> BoxBody<Bytes, std::convert::Infallible> {
    http_body_util::Full::new(Bytes::from_static(b"ok")).boxed()
}
