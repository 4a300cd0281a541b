// Half-migrated by hand: `imports:` was added, the old keys were left in place.
wasmtime::component::bindgen!({
    path: "wit",
    world: "kv-host",
    imports: {
        "example:kv/store/get": trappable,
    },
    trappable_imports: ["set"],
    verbose_tracing: true,
    tracing: true,
});

use std::collections::HashMap;

#[derive(Default)]
pub struct Kv {
    map: HashMap<String, String>,
}

impl example::kv::store::Host for Kv {
    fn get(&mut self, key: String) -> wasmtime::Result<Option<String>> {
        Ok(self.map.get(&key).cloned())
    }

    fn set(&mut self, key: String, value: String) -> wasmtime::Result<()> {
        if key.is_empty() {
            return Err(wasmtime::Error::msg("empty key"));
        }
        self.map.insert(key, value);
        Ok(())
    }
}
