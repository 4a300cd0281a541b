use wasmtime::component::{Type, Val};

pub fn render(v: &Val) -> String {
    match v {
        Val::Bool(b) => b.to_string(),
        Val::S8(n) => n.to_string(),
        Val::U8(n) => n.to_string(),
        Val::S16(n) => n.to_string(),
        Val::U16(n) => n.to_string(),
        Val::S32(n) => n.to_string(),
        Val::U32(n) => n.to_string(),
        Val::S64(n) => n.to_string(),
        Val::U64(n) => n.to_string(),
        Val::Float32(n) => n.to_string(),
        Val::Float64(n) => n.to_string(),
        Val::Char(c) => c.to_string(),
        Val::String(s) => s.clone(),
        Val::List(_) | Val::Tuple(_) | Val::Record(_) => "[..]".into(),
        Val::Variant(name, _) | Val::Enum(name) => name.clone(),
        Val::Option(_) | Val::Result(_) => "?".into(),
        Val::Flags(f) => f.join("|"),
        Val::Resource(_) => "resource".into(),
    }
}

pub fn is_scalar(ty: &wasmtime::component::types::Type) -> bool {
    match ty {
        Type::Bool | Type::S8 | Type::U8 | Type::S16 | Type::U16 | Type::S32 | Type::U32 => true,
        Type::S64 | Type::U64 | Type::Float32 | Type::Float64 | Type::Char => true,
        Type::String | Type::List(_) | Type::Record(_) | Type::Tuple(_) | Type::Variant(_) => false,
        Type::Enum(_) | Type::Option(_) | Type::Result(_) | Type::Flags(_) => false,
        Type::Own(_) | Type::Borrow(_) => false,
    }
}
