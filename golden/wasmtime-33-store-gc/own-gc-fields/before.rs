pub struct Pool {
    free: Vec<usize>,
}

impl Pool {
    pub fn gc(&mut self) {
        self.free.clear();
    }
}

pub struct Host {
    runtime: wasmtime::Store<()>,
    pool: Pool,
}

impl Host {
    pub fn idle(&mut self) {
        self.pool.gc();
        self.runtime.gc();
    }
}
