use wasmtime_wasi::pipe::{MemoryInputPipe, MemoryOutputPipe};

pub fn ctx(input: &[u8]) -> (wasmtime_wasi::WasiCtx, MemoryOutputPipe) {
    let stdout = MemoryOutputPipe::new(4096);
    let ctx = wasmtime_wasi::WasiCtxBuilder::new()
        .stdin(MemoryInputPipe::new(input.to_vec()))
        .stdout(stdout.clone())
        .preopened_dir(".", "/", wasmtime_wasi::DirPerms::READ, wasmtime_wasi::FilePerms::READ)
        .expect("preopen")
        .build();
    (ctx, stdout)
}
