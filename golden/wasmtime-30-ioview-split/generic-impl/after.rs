use wasmtime_wasi::{IoView, ResourceTable, WasiCtx, WasiView};

pub trait Invoke: Send + 'static {}

pub struct EndpointCtx<C, DB, P> {
    wasi: WasiCtx,
    table: ResourceTable,
    pub client: C,
    pub db: DB,
    pub plugin: P,
}

impl<C: Invoke, DB: Send + 'static, P> IoView for EndpointCtx<C, DB, P>
where
    P: Send + 'static,
{
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl<C: Invoke, DB: Send + 'static, P> WasiView for EndpointCtx<C, DB, P>
where
    P: Send + 'static,
{
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}
