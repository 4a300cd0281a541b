pub fn engine() -> wasmtime::Result<wasmtime::Engine> {
    wasmtime::Engine::new(&wasmtime::Config::new())
}
