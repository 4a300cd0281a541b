use wasmtime_wasi::{ResourceTable, WasiCtx, WasiView};

pub trait Invoke: Send + 'static {}

pub struct EndpointCtx<C, DB, P> {
    wasi: WasiCtx,
    table: ResourceTable,
    pub client: C,
    pub db: DB,
    pub plugin: P,
}

impl<C: Invoke, DB: Send + 'static, P> WasiView for EndpointCtx<C, DB, P>
where
    P: Send + 'static,
{
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}
