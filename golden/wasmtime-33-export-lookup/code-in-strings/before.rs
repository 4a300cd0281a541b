//! A test generator: writes a host's Rust source from templates (never compiled here).
use std::fmt::Write;

pub fn host_source(world: &str, exports: &[&str]) -> String {
    let mut out = String::new();
    writeln!(out, "use wasmtime_wasi::WasiCtxBuilder;").unwrap();
    writeln!(out, "fn link(linker: &mut Linker<Ctx>) -> Result<()> {{").unwrap();
    writeln!(out, "    wasmtime_wasi::add_to_linker_async(linker)?;").unwrap();
    writeln!(out, "    Ok(())\n}}").unwrap();
    for name in exports {
        write!(
            out,
            r#"let (_, {name}) = component.export_index(None, "{world}/{name}").unwrap();
"#
        )
        .unwrap();
    }
    // not code: a plain message naming the crate is left alone
    out.push_str("// generated for wasmtime_wasi users\n");
    out
}
