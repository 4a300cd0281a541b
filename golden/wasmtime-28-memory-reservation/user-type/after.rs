use wasmtime::Config;

/// Not a wasmtime type: its `static_memory_forced` must stay.
pub struct Plan {
    pub forced: bool,
}

impl Plan {
    pub fn static_memory_forced(&mut self, on: bool) -> &mut Self {
        self.forced = on;
        self
    }
}

pub fn apply(plan: &mut Plan, config: &mut Config) {
    plan.static_memory_forced(!plan.forced);
    config.memory_may_move(plan.forced);
}
