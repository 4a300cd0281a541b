mod shared {
    wit_bindgen::generate!({ world: "plugin", pub_export_macro: true });
}

wit_bindgen::generate!({
    world: "plugin",
    with: {
        "demo:api/types@0.1.0": shared::exports::demo::api::types,
        "demo:api/api@0.1.0": shared::exports::demo::api::api,
    },
});

struct Plugin;

impl shared::exports::demo::api::api::Guest for Plugin {
    fn area(a: shared::exports::demo::api::types::Point, b: shared::exports::demo::api::types::Point) -> u32 {
        ((b.x - a.x) * (b.y - a.y)).unsigned_abs()
    }
}
