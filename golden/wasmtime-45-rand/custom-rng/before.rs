use wasmtime_wasi::{RngCore, WasiCtx, WasiCtxBuilder};

/// A counter posing as an RNG, for golden-output tests.
pub struct Counter(u64);

impl RngCore for Counter {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for b in dest {
            *b = self.next_u64() as u8;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), cap_rand::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

pub fn ctx() -> WasiCtx {
    WasiCtxBuilder::new().secure_random(Counter(0)).build()
}
