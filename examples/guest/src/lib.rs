//! A guest component: exports `example:counter/counter` (flags, a resource, an async function).

use std::cell::Cell;

wit_bindgen::generate!({
    world: "counter-guest",
    path: "wit",
    async: {
        exports: ["example:counter/counter@0.1.0#sum-slowly"],
    },
});

use exports::example::counter::counter::{Guest, GuestTally, Permissions, Tally};

struct Component;

struct MyTally {
    total: Cell<u32>,
}

impl GuestTally for MyTally {
    fn new(start: u32) -> Self {
        MyTally { total: Cell::new(start) }
    }

    fn add(&self, n: u32, perms: Permissions) -> bool {
        if !perms.contains(Permissions::WRITE) {
            return false;
        }
        self.total.set(self.total.get() + n);
        true
    }

    fn total(&self) -> u32 {
        self.total.get()
    }
}

impl Guest for Component {
    type Tally = MyTally;

    fn can_add(perms: Permissions) -> bool {
        perms.contains(Permissions::WRITE) && !perms.is_empty()
    }

    async fn sum_slowly(values: Vec<u32>) -> u32 {
        let total: u32 = values.iter().sum();
        // report the result in the background, after this call has returned
        wit_bindgen::rt::async_support::spawn(async move {
            let _ = total;
        });
        total
    }
}

fn _uses_tally(t: &Tally) -> u32 {
    t.get::<MyTally>().total()
}

export!(Component);
