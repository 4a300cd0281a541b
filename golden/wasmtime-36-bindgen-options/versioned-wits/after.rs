pub mod since_v1 {
    wasmtime::component::bindgen!({
        path: "wit/v1",
        world: "plugin",
        imports: { default: trappable },
    });
}

pub mod since_v2 {
    wasmtime::component::bindgen!({
        path: "wit/v2",
        world: "plugin",
        imports: { "acme:plugin/host/flush": trappable },
    });
}

pub struct Host;

impl since_v1::acme::plugin::host::Host for Host {
    fn log(&mut self, msg: String) -> wasmtime::Result<()> {
        println!("{msg}");
        Ok(())
    }
}

impl since_v2::acme::plugin::host::Host for Host {
    fn log(&mut self, level: u8, msg: String) {
        println!("[{level}] {msg}");
    }

    fn flush(&mut self) -> wasmtime::Result<()> {
        Ok(())
    }
}
