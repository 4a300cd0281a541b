use wasmtime::{self as wt, ExternType};

/// A user enum of the same name is not wasmtime's.
pub enum Extern {
    Plugin,
    Builtin,
}

pub fn func_arity(ty: &ExternType) -> Option<usize> {
    match ty {
        ExternType::Func(f) => Some(f.params().len()),
        _ => None,
    }
}

pub fn is_func(e: &wt::Extern) -> bool {
    matches!(e, wt::Extern::Func(_))
}

pub fn label(e: &Extern) -> &'static str {
    match e {
        Extern::Plugin => "plugin",
        Extern::Builtin => "builtin",
    }
}
