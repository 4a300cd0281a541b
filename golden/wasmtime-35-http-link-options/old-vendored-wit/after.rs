wasmtime::component::bindgen!({
    path: "wit",
    world: "host",
    with: {
        "wasi:http": wasmtime_wasi_http::bindings::http,
    },
});
