//! `.table()` only on values typed by a bound (`impl WasiView`, `T: WasiView`): the bound brings
//! `IoView`'s methods along from 30, so no import is added.
use wasmtime_wasi::WasiView;

pub fn push_one(mut view: impl WasiView) -> bool {
    view.table().push(1u8).is_ok()
}

pub fn push_two<T: WasiView>(view: &mut T) -> bool {
    view.table().push(2u8).is_ok()
}
