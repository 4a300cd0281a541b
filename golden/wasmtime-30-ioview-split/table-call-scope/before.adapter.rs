//! `self.table()` in an impl for the wrapper: the `T: WasiView` bound is on `T`, not on `self`.
use wasmtime_wasi::{WasiImpl, WasiView};

pub trait Counter {
    fn push_marker(&mut self) -> bool;
}

impl<T> Counter for WasiImpl<T>
where
    T: WasiView,
{
    fn push_marker(&mut self) -> bool {
        self.table().push(3u16).is_ok()
    }
}
