use anyhow::Result;

mod greeter {
    use wasmtime::component::bindgen;
    bindgen!("greeter" in "wit/greeter");
}

mod clock {
    wasmtime::component::bindgen!({ path: "wit/clock", imports: { default: trappable } });
}

pub struct Host;

impl greeter::GreeterImports for Host {
    fn name(&mut self) -> String {
        "world".into()
    }
}

impl clock::example::clock::time::Host for Host {
    fn now(&mut self) -> Result<u64> {
        Ok(std::time::UNIX_EPOCH.elapsed()?.as_secs())
    }
}
