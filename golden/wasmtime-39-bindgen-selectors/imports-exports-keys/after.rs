wasmtime::component::bindgen!({
    world: "kv-host",
    imports: {
        "example:kv/store.get": trappable,
        "example:kv/store@1.0.0.set": async | trappable,
        "example:kv/cache": async,
        "log.write": async | tracing,
        "flush": exact,
        default: async,
    },
    exports: { "example:kv/admin.reset": async | tracing, default: async },
});

use std::collections::HashMap;

#[derive(Default)]
pub struct Kv(HashMap<String, String>);

impl example::kv::store::Host for Kv {
    fn get(&mut self, key: String) -> wasmtime::Result<Option<String>> {
        Ok(self.0.get(&key).cloned())
    }

    async fn set(&mut self, key: String, value: String) -> wasmtime::Result<()> {
        self.0.insert(key, value);
        Ok(())
    }
}

impl example::kv::cache::Host for Kv {
    async fn clear(&mut self) {
        self.0.clear();
    }
}

impl log::Host for Kv {
    async fn write(&mut self, line: String) {
        println!("{line}");
    }
}

impl KvHostImports for Kv {
    fn flush(&mut self) {}
}
