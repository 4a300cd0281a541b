use wasmtime::HeapType;

pub fn is_func_ref(ty: &HeapType) -> bool {
    match ty.top() {
        HeapType::Func => true,
        _ => false,
    }
}
