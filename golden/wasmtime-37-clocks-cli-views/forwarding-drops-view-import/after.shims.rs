use wasmtime_wasi::clocks::WasiClocksView;

use crate::legacy::my::legacy::time;
use crate::Host;

// The old interface answers from the WASI wall clock.
impl time::Host for Host {
    fn wall(&mut self) -> u64 {
        let now = wasmtime_wasi::p2::bindings::sync::clocks::wall_clock::Host::now(&mut self.clocks()).unwrap();
        now.seconds
    }
}
