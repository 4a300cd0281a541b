use wasmtime::component::Linker;
use wasmtime::{Engine, Store};
use wasmtime_wasi::p2::WasiView;

pub fn setup<T: WasiView>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    wasmtime_wasi::p2::add_to_linker_sync(linker)
}

pub fn new_store<T>(engine: &Engine, data: T) -> Store<T> {
    Store::new(engine, data)
}

pub fn core_linker<T>(engine: &Engine) -> wasmtime::Linker<T>
where
    T: Send,
{
    wasmtime::Linker::<T>::new(engine)
}

pub struct Runtime<S: Default> {
    pub store: Store<S>,
}

impl<S: Default> Runtime<S> {
    pub fn reset(&mut self, engine: &Engine) {
        self.store = Store::new(engine, S::default());
    }
}

pub fn already<T: 'static>(linker: &mut Linker<T>) -> &mut Linker<T> {
    linker
}
