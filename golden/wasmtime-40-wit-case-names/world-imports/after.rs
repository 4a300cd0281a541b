wasmtime::component::bindgen!({
    path: "wit",
    world: "service",
});
