//! The project has its own `Pollable` trait; only the wasmtime-wasi names change.

pub mod poll {
    /// Our own readiness trait, unrelated to wasmtime-wasi.
    pub trait Pollable {
        fn is_ready(&self) -> bool;
    }
}

pub mod host {
    use crate::poll::Pollable;

    pub struct Flag(pub bool);

    impl Pollable for Flag {
        fn is_ready(&self) -> bool {
            self.0
        }
    }

    #[wasmtime_wasi::async_trait]
    impl wasmtime_wasi::Subscribe for Flag {
        async fn ready(&mut self) {}
    }

    pub fn check(p: &dyn Pollable) -> bool {
        p.is_ready()
    }

    pub fn pollable_type_name() -> &'static str {
        std::any::type_name::<wasmtime_wasi::Pollable>()
    }
}
