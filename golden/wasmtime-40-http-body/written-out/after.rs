use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Empty};
use wasmtime_wasi_http::bindings::http::types::ErrorCode;
use http_body_util::combinators::UnsyncBoxBody;

/// What the server hands to hyper: the guest's response with the wasi-http error mapped away.
pub type Response = hyper::Response<UnsyncOut>;
pub type UnsyncOut = http_body_util::combinators::UnsyncBoxBody<Bytes, std::io::Error>;

pub trait IntoResponse {
    fn into_response(self) -> Response;
}

impl IntoResponse for hyper::Response<UnsyncBoxBody<Bytes, ErrorCode>> {
    fn into_response(self) -> Response {
        let (parts, body) = self.into_parts();
        let body = body.map_err(|e| std::io::Error::other(format!("{e:?}"))).boxed_unsync();
        Response::from_parts(parts, body)
    }
}

pub fn empty_guest_body() -> UnsyncBoxBody<Bytes, ErrorCode> {
    Empty::<Bytes>::new().map_err(|never| match never {}).boxed_unsync()
}

/// The project's own body type with its own error: not the wasi-http one, untouched.
pub fn own_body() -> BoxBody<Bytes, std::io::Error> {
    Empty::<Bytes>::new().map_err(|never| match never {}).boxed()
}
