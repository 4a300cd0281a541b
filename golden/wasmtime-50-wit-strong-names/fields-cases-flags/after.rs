wasmtime::component::bindgen!({
    path: "wit",
    world: "app",
});
