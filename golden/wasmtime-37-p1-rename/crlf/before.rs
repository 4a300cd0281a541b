use wasmtime_wasi::preview1::WasiP1Ctx;

pub struct Host {
    pub p1: WasiP1Ctx,
}
