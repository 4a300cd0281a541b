use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

pub fn engine() -> wasmtime::Result<Engine> {
    let mut pooling = PoolingAllocationConfig::default();
    pooling.total_memories(16).async_stack_zeroing(true);
    let mut config = Config::new();
    config.async_support(true);
    config.allocation_strategy(InstanceAllocationStrategy::Pooling(pooling));
    Engine::new(&config)
}

pub struct Stacks;

unsafe impl wasmtime::StackCreator for Stacks {
    fn new_stack(&self, size: usize) -> wasmtime::Result<Box<dyn wasmtime::StackMemory>> {
        let _ = size;
        wasmtime::bail!("no custom stacks here")
    }
}
