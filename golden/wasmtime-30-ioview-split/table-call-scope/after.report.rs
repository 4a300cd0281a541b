//! Calls both `.ctx()` and `.table()`: `WasiView` stays, `IoView` joins it.
use wasmtime_wasi::{IoView, WasiImpl, WasiView};

use crate::Host;

pub fn summary(view: &mut WasiImpl<&mut Host>) -> String {
    let _ctx = view.ctx();
    let n = usize::from(view.table().push(7u32).is_ok());
    format!("{n} resources")
}
