use wasmtime::{Config, ExternRef, ManuallyRooted, RegallocAlgorithm, Store, ValType};

pub fn config() -> Config {
    let mut config = Config::new();
    config.cranelift_regalloc_algorithm(RegallocAlgorithm::SinglePass);
    config
}

pub fn root(store: &mut Store<()>) -> wasmtime::Result<ManuallyRooted<ExternRef>> {
    ExternRef::new_manually_rooted(&mut *store, 42_u32)
}

pub fn default_global(store: &mut Store<()>, ty: &wasmtime::GlobalType) -> Option<wasmtime::Global> {
    let _ = ValType::I32;
    ty.default_value(&mut *store)
}
