use wasmtime::component::{Func, Type, Val};
use wasmtime::Store;

pub fn describe(store: &Store<()>, func: Func) -> String {
    let params = func.ty(store).params().map(|(n, t)| (n.to_string(), t)).collect::<Box<[_]>>();
    let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    let n_results = func.ty(store).results().len();
    format!("{}({}) -> {} results", names.len(), names.join(", "), n_results)
}

pub fn default_args(store: &mut Store<()>, func: &Func) -> Vec<Val> {
    let mut out = Vec::with_capacity(func.ty(&*store).params().len());
    for (_, ty) in func.ty(&*store).params().map(|(n, t)| (n.to_string(), t)).collect::<Box<[_]>>().iter() {
        out.push(match ty {
            Type::Bool => Val::Bool(false),
            Type::U32 => Val::U32(0),
            _ => Val::String(String::new()),
        });
    }
    let results: Box<[Type]> = func.ty(&*store).results().collect::<Box<[_]>>();
    let _ = results;
    out
}
