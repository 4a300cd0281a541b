wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
    with: {
        "wasi:io": wasmtime_wasi::p2::bindings::io,
        "wasi:cli/environment": wasmtime_wasi::p2::bindings::cli::environment,
    },
});

pub fn check(e: &wasmtime_wasi::p2::StreamError) -> bool {
    matches!(e, wasmtime_wasi::p2::StreamError::Closed)
}
