use wit_bindgen::{rt::async_support, yield_blocking};

wit_bindgen::generate!({ world: "worker" });

struct Worker;

impl Guest for Worker {
    fn start(jobs: u32) {
        for i in 0..jobs {
            wit_bindgen::spawn(async move {
                let _ = i;
            });
            yield_blocking();
        }
        wit_bindgen::spawn(async {});
    }
}

/// A user function of the same name is not touched.
fn spawn(_n: u32) {}

fn _local() {
    spawn(1);
}

export!(Worker);
