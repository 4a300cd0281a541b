use wasmtime_wasi_http::p2::body::HyperOutgoingBody;
use wasmtime_wasi_http::p2::types::{HostFutureIncomingResponse, OutgoingRequestConfig};
use wasmtime_wasi_http::{p2::{self, HttpResult}, WasiHttpHooks};

/// Logs every outgoing request, then sends it the default way.
pub struct LoggingHooks;

impl WasiHttpHooks for LoggingHooks {
    fn send_request(
        &mut self,
        request: hyper::Request<HyperOutgoingBody>,
        config: OutgoingRequestConfig,
    ) -> HttpResult<HostFutureIncomingResponse> {
        eprintln!("outgoing: {}", request.uri());
        Ok(p2::default_send_request(request, config))
    }
}
