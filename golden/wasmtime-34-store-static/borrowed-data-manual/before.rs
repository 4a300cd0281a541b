use wasmtime::{Engine, Store};

pub struct State<'a> {
    pub input: &'a [u8],
}

pub fn run<'a>(engine: &Engine, input: &'a [u8]) -> Store<State<'a>> {
    Store::new(engine, State { input })
}

pub fn by_ref(store: &mut Store<&mut u32>) -> u32 {
    **store.data()
}

pub fn forever(engine: &Engine, counter: &'static mut u32) -> Store<&'static mut u32> {
    Store::new(engine, counter)
}
