use wasmtime::component::Func;

pub fn describe(store: &wasmtime::Store<()>, func: Func) -> String {
    format!("{} params, {} results", func.params(store).len(), func.results(store).len())
}
