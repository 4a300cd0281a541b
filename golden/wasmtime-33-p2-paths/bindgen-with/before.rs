wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
    with: {
        "wasi:io": wasmtime_wasi::bindings::io,
        "wasi:cli/environment": wasmtime_wasi::bindings::cli::environment,
    },
});

pub fn check(e: &wasmtime_wasi::StreamError) -> bool {
    matches!(e, wasmtime_wasi::StreamError::Closed)
}
