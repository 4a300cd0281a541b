use wasmtime::{Extern, ExternType, Module};

/// Describe what a module imports, the way plugin hosts check their guests.
pub fn describe_imports(module: &Module) -> Vec<String> {
    let mut out = Vec::new();
    for import in module.imports() {
        let kind = match import.ty() {
            ExternType::Func(_) => "func",
            ExternType::Global(_) => "global",
            ExternType::Table(_) => "table",
            ExternType::Memory(_) => "memory",
        };
        out.push(format!("{}::{} ({kind})", import.module(), import.name()));
    }
    out
}

pub fn is_memory(e: &wasmtime::Extern) -> bool {
    match e {
        Extern::Memory(_) | Extern::SharedMemory(_) => true,
        Extern::Func(_) | Extern::Global(_) | Extern::Table(_) => false,
    }
}
