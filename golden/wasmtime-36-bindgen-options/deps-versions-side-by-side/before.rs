pub mod v1 {
    wasmtime::component::bindgen!({
        path: "wit",
        world: "acme:app/old-host",
        async: {
            only_imports: ["scan", "get"],
        },
    });
}

pub mod v2 {
    wasmtime::component::bindgen!({
        path: "wit",
        world: "acme:app/new-host",
        async: true,
    });
}

pub struct Store;

impl v1::acme::store1_0_0::kv::Host for Store {
    async fn get(&mut self, _key: String) -> Option<String> {
        None
    }

    async fn scan(&mut self, _prefix: String) -> Vec<String> {
        Vec::new()
    }

    fn set(&mut self, _key: String, _value: String) {}
}

impl v2::acme::store2_0_0::kv::Host for Store {
    async fn get(&mut self, _key: String) -> Option<String> {
        None
    }

    async fn set(&mut self, _key: String, _value: String) {}
}
