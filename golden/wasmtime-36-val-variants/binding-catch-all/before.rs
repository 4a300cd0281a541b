use wasmtime::component::Val;

/// Arms that end in a binding (or a tuple of bindings) already catch every new variant.
pub fn same_kind(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::U32(x), Val::U32(y)) => x == y,
        (Val::String(x), Val::String(y)) => x == y,
        (_left, _right) => false,
    }
}

pub fn describe(v: &Val) -> String {
    match v {
        Val::Bool(b) => format!("bool {b}"),
        other @ _ => format!("{other:?}"),
    }
}

pub fn width(v: &Val) -> usize {
    match v {
        Val::U8(_) | Val::S8(_) => 1,
        Val::U16(_) | Val::S16(_) => 2,
        ref unsized_or_wide => std::mem::size_of_val(unsized_or_wide),
    }
}
