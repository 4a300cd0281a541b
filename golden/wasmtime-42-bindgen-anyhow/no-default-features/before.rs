wasmtime::component::bindgen!({
    path: "wit",
    imports: { default: trappable },
});

pub struct Host;

impl example::clock::time::Host for Host {
    fn now(&mut self) -> anyhow::Result<u64> {
        Ok(0)
    }
}
