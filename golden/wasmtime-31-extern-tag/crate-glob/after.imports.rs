use crate::*;

/// Reject imports a host cannot satisfy, naming their kind.
pub fn check(module: &Module) -> Result<()> {
    for import in module.imports() {
        let kind = match import.ty() {
            ExternType::Func(_) => "function",
            ExternType::Global(_) => "global",
            ExternType::Table(_) => "table",
            ExternType::Memory(_) => "memory",
        };
        if import.module() != "env" {
            bail!("unknown {kind} import {}::{}", import.module(), import.name());
        }
    }
    Ok(())
}
