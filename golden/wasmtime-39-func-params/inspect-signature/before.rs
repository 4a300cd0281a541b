use wasmtime::component::{Func, Type, Val};
use wasmtime::Store;

pub fn describe(store: &Store<()>, func: Func) -> String {
    let params = func.params(store);
    let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    let n_results = func.results(store).len();
    format!("{}({}) -> {} results", names.len(), names.join(", "), n_results)
}

pub fn default_args(store: &mut Store<()>, func: &Func) -> Vec<Val> {
    let mut out = Vec::with_capacity(func.params(&*store).len());
    for (_, ty) in func.params(&*store).iter() {
        out.push(match ty {
            Type::Bool => Val::Bool(false),
            Type::U32 => Val::U32(0),
            _ => Val::String(String::new()),
        });
    }
    let results: Box<[Type]> = func.results(&*store);
    let _ = results;
    out
}
