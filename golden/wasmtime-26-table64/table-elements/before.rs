use wasmtime::{PoolingAllocationConfig, StoreLimitsBuilder};

pub fn limits(max_tables: u32) -> (PoolingAllocationConfig, wasmtime::StoreLimits) {
    let mut pool = PoolingAllocationConfig::default();
    pool.table_elements(20_000);
    let limits = StoreLimitsBuilder::new().table_elements(max_tables).build();
    (pool, limits)
}
