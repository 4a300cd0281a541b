use wasmtime::{Config, InstanceAllocationStrategy, MpkEnabled, PoolingAllocationConfig};

pub fn config(mpk: bool) -> Config {
    let mut pooling = PoolingAllocationConfig::default();
    pooling.memory_protection_keys(if mpk { MpkEnabled::Enable } else { MpkEnabled::Disable });
    let mut config = Config::new();
    config.allocation_strategy(InstanceAllocationStrategy::Pooling(pooling));
    config
}

pub fn auto() -> MpkEnabled {
    MpkEnabled::Auto
}
