wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
    ignore_wit: false,
    imports: {
        "example:plugin/host.log": store | async,
        default: trappable,
    },
});
