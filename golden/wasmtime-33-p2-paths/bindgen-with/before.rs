wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
    async: true,
    with: {
        "wasi:io": wasmtime_wasi::bindings::io,
    },
});

pub fn check(e: &wasmtime_wasi::StreamError) -> bool {
    matches!(e, wasmtime_wasi::StreamError::Closed)
}
