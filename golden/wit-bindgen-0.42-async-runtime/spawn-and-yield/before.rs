use wit_bindgen::rt::async_support::{self, task_yield};

wit_bindgen::generate!({ world: "worker" });

struct Worker;

impl Guest for Worker {
    fn start(jobs: u32) {
        for i in 0..jobs {
            async_support::spawn(async move {
                let _ = i;
            });
            task_yield();
        }
        wit_bindgen::rt::async_support::spawn(async {});
    }
}

/// A user function of the same name is not touched.
fn spawn(_n: u32) {}

fn _local() {
    spawn(1);
}

export!(Worker);
