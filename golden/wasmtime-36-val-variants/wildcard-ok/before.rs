use wasmtime::component::{self as wc};

/// Our own enum with a `Val` name must not be reported.
pub enum Val {
    A,
    B,
}

pub fn as_u32(v: &wc::Val) -> Option<u32> {
    match v {
        wc::Val::U32(n) => Some(*n),
        wc::Val::U8(n) => Some(u32::from(*n)),
        _ => None,
    }
}

pub fn own(v: Val) -> u8 {
    match v {
        Val::A => 0,
        Val::B => 1,
    }
}
