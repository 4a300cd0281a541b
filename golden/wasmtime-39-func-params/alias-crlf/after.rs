use wasmtime::component::{self as wc};

pub fn arity(store: &mut wasmtime::Store<()>, func: &wc::Func) -> (usize, usize) {
    let n = func.ty(&mut *store).params().len();
    let results = func.ty(&mut *store).results().collect::<Box<[_]>>();
    (n, results.len())
}
