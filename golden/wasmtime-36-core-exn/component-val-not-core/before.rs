use wasmtime::Val;

/// Core matches with a catch-all, and the component `Val` (another step's business): nothing to report here.
pub fn as_i32(v: &Val) -> Option<i32> {
    match v {
        Val::I32(n) => Some(*n),
        _ => None,
    }
}

pub fn is_bool(v: &wasmtime::component::Val) -> bool {
    matches!(v, wasmtime::component::Val::Bool(_))
}
