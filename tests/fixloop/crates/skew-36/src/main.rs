//! The host, upgraded to wasmtime 36, calling into a helper still on wasmtime 32.

fn main() -> wasmtime::Result<()> {
    let engine = wasmtime::Engine::default();
    let mut linker = wasmtime::Linker::<()>::new(&engine);
    fixloop_skew_helper::define_env(&mut linker)?;
    let _store = fixloop_skew_helper::new_store(&engine);
    Ok(())
}
