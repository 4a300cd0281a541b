use wasmtime::Val;

/// Convert core values to JSON-ish text, every variant spelled out (36 shape, with ExnRef).
pub fn to_text(v: &Val) -> String {
    match v {
        Val::I32(n) => n.to_string(),
        Val::I64(n) => n.to_string(),
        Val::F32(b) => f32::from_bits(*b).to_string(),
        Val::F64(b) => f64::from_bits(*b).to_string(),
        Val::V128(x) => format!("{}", x.as_u128()),
        Val::FuncRef(_) | Val::ExternRef(_) | Val::AnyRef(_) | Val::ExnRef(_) => "ref".to_string(),
    }
}
