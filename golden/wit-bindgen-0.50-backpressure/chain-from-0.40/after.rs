use wit_bindgen::rt::async_support::backpressure_set;

wit_bindgen::generate!({ world: "queue" });

struct Queue;

impl Guest for Queue {
    fn push(item: u32) -> bool {
        let full = item >= 64;
        backpressure_set(full);
        !full
    }
}

export!(Queue);
