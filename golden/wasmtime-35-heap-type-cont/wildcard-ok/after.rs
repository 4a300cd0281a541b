use wasmtime::HeapType;

pub fn is_func(ty: &HeapType) -> bool {
    match ty {
        HeapType::Func | HeapType::ConcreteFunc(_) | HeapType::NoFunc => true,
        _ => false,
    }
}
