/// `Some(_)` covers every other ExternType, `Tag` included: nothing to report.
pub fn check_init(module: &wasmtime::Module, name: &str) -> Result<(), String> {
    match module.get_export(name) {
        Some(wasmtime::ExternType::Func(ty)) => {
            if ty.params().len() != 0 {
                return Err(format!("`{name}` takes parameters"));
            }
            Ok(())
        }
        Some(wasmtime::ExternType::Global(_)) => Err(format!("`{name}` is a global, not a function")),
        Some(_) => Err(format!("`{name}` is not a function")),
        None => Err(format!("no export `{name}`")),
    }
}
