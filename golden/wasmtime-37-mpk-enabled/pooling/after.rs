use wasmtime::{Config, InstanceAllocationStrategy, Enabled, PoolingAllocationConfig};

pub fn config(mpk: bool) -> Config {
    let mut pooling = PoolingAllocationConfig::default();
    pooling.memory_protection_keys(if mpk { Enabled::Yes } else { Enabled::No });
    let mut config = Config::new();
    config.allocation_strategy(InstanceAllocationStrategy::Pooling(pooling));
    config
}

pub fn auto() -> Enabled {
    Enabled::Auto
}
