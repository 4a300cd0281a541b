wit_bindgen::generate!({
    world: "service",
    async: {
        imports: ["demo:kv/store@0.2.0#get"],
        exports: ["demo:kv/handler@0.2.0#handle"],
    },
});

use demo::kv::store;
use exports::demo::kv::handler::Guest;

struct Service;

impl Guest for Service {
    async fn handle(key: String) -> String {
        let value = store::get(key.clone()).await;
        store::set(&key, "seen");
        value.unwrap_or_default()
    }
}

export!(Service);
