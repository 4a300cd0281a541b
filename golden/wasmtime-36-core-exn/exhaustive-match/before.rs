use wasmtime::{Ref, Val};

/// Render core values for a debugging host, one arm per variant.
pub fn render(v: &Val) -> String {
    match v {
        Val::I32(n) => n.to_string(),
        Val::I64(n) => n.to_string(),
        Val::F32(bits) => f32::from_bits(*bits).to_string(),
        Val::F64(bits) => f64::from_bits(*bits).to_string(),
        Val::V128(x) => format!("{:?}", x.as_u128()),
        Val::FuncRef(f) => format!("funcref({})", f.is_some()),
        Val::ExternRef(e) => format!("externref({})", e.is_some()),
        Val::AnyRef(a) => format!("anyref({})", a.is_some()),
    }
}

pub fn is_null(r: &Ref) -> bool {
    match r {
        Ref::Func(f) => f.is_none(),
        Ref::Extern(e) => e.is_none(),
        Ref::Any(a) => a.is_none(),
    }
}
