use wasmtime::component::Val;

pub fn kind(v: &Val) -> &'static str {
    match v {
        Val::Bool(_) | Val::Char(_) | Val::String(_) => "scalar",
        Val::S8(_) | Val::U8(_) | Val::S16(_) | Val::U16(_) | Val::S32(_) | Val::U32(_) => "int",
        Val::S64(_) | Val::U64(_) | Val::Float32(_) | Val::Float64(_) => "number",
        Val::List(_) | Val::Record(_) | Val::Tuple(_) => "aggregate",
        Val::Variant(..) | Val::Enum(_) | Val::Option(_) | Val::Result(_) | Val::Flags(_) => "sum",
        Val::Resource(_) | Val::Future(_) | Val::Stream(_) | Val::ErrorContext(_) => "handle",
    }
}
