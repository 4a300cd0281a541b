use wasmtime::Val;

pub fn as_i64(v: &Val) -> Option<i64> {
    match v {
        Val::I32(n) => Some(i64::from(*n)),
        Val::I64(n) => Some(*n),
        _ => None,
    }
}
