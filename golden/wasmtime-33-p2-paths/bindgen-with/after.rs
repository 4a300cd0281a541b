wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
    async: true,
    with: {
        "wasi:io": wasmtime_wasi::p2::bindings::io,
    },
});

pub fn check(e: &wasmtime_wasi::p2::StreamError) -> bool {
    matches!(e, wasmtime_wasi::p2::StreamError::Closed)
}
