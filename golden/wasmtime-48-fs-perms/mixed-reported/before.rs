use wasmtime_wasi::{DirPerms, FilePerms, WasiCtxBuilder};

pub fn uploads(b: &mut WasiCtxBuilder, writable: bool) -> wasmtime::Result<()> {
    b.preopened_dir("up", "/up", DirPerms::READ, FilePerms::all())?;
    let fp = if writable { FilePerms::all() } else { FilePerms::READ };
    b.preopened_dir("in", "/in", DirPerms::READ, fp)?;
    Ok(())
}
