macro_rules! bindgen {
    ($($t:tt)*) => {
        wasmtime::component::bindgen!($($t)*);
    };
}

bindgen!({ path: "wit", imports: { default: trappable } });

pub struct Host;

impl example::clock::time::Host for Host {
    fn now(&mut self) -> wasmtime::Result<u64> {
        Ok(0)
    }
}
