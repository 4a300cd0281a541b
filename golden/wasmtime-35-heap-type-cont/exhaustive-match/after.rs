use wasmtime::HeapType;

/// Name a reference's heap type, listing every case (as GC-aware hosts do for diagnostics).
pub fn describe(ty: &HeapType) -> &'static str {
    match ty {
        HeapType::Extern | HeapType::NoExtern => "extern",
        HeapType::Func | HeapType::ConcreteFunc(_) | HeapType::NoFunc => "func",
        HeapType::Any | HeapType::Eq | HeapType::I31 | HeapType::None => "any",
        HeapType::Array | HeapType::ConcreteArray(_) => "array",
        HeapType::Struct | HeapType::ConcreteStruct(_) => "struct",
    }
}
