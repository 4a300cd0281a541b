pub struct Runtime {
    inner: wasmtime::Store<u32>,
}

impl Runtime {
    pub fn collect(&mut self) {
        self.inner.gc(None);
    }

    pub fn inner_mut(&mut self) -> &mut wasmtime::Store<u32> {
        &mut self.inner
    }
}

pub fn collect_ctx(mut cx: wasmtime::StoreContextMut<'_, u32>) {
    cx.gc(None);
}

pub fn tick(rt: &mut Runtime) {
    rt.inner_mut().gc(None);
}
