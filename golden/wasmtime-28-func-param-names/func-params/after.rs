use wasmtime::component::{Func, Type};
use wasmtime::Store;

pub fn describe(store: &mut Store<()>, func: Func) -> Vec<String> {
    let param_types: Box<[Type]> = func.params(&mut *store).iter().map(|(_, t)| t.clone()).collect::<Box<[_]>>();
    param_types.iter().map(|t| format!("{t:?}")).collect()
}
