use wit_bindgen::rt::async_support::{ErrorContext, FutureWriter};

wit_bindgen::generate!({ world: "worker" });

struct Worker;

impl Guest for Worker {
    fn start(_jobs: u32) {}
}

pub fn fail(mut w: FutureWriter<u32>, e: ErrorContext) {
    w.close_with_error(e);
}

export!(Worker);
