use wit_bindgen::rt::async_support::{self, backpressure_set};

wit_bindgen::generate!({ world: "queue" });

struct Queue;

const LIMIT: u32 = 64;

impl Guest for Queue {
    fn push(item: u32) -> bool {
        let full = item >= LIMIT;
        backpressure_set(full);
        if !full {
            async_support::backpressure_set(false);
        }
        wit_bindgen::rt::async_support::backpressure_set(full);
        !full
    }
}

/// A method of the same name elsewhere is not touched.
struct Local;

impl Local {
    fn task_backpressure(&self, _on: bool) {}
}

fn _local() {
    Local.task_backpressure(true);
}

export!(Queue);
