use wasmtime::component::{self as wc};

pub fn arity(store: &mut wasmtime::Store<()>, func: &wc::Func) -> (usize, usize) {
    let n = func.params(&mut *store).len();
    let results = func.results(&mut *store);
    (n, results.len())
}
