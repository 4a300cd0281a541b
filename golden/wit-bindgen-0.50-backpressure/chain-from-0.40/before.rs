use wit_bindgen::rt::async_support::task_backpressure;

wit_bindgen::generate!({ world: "queue" });

struct Queue;

impl Guest for Queue {
    fn push(item: u32) -> bool {
        let full = item >= 64;
        task_backpressure(full);
        !full
    }
}

export!(Queue);
