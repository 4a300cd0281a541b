use wasmtime_wasi::p2::pipe::{AsyncWriteStream, MemoryInputPipe, MemoryOutputPipe};
use wasmtime_wasi::cli::{AsyncStdoutStream, OutputFile};
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder};

/// Guest stdin from memory, stdout captured, stderr to a log file.
pub fn captured(input: &[u8], log: std::fs::File) -> (WasiCtx, MemoryOutputPipe) {
    let out = MemoryOutputPipe::new(64 * 1024);
    let ctx = WasiCtxBuilder::new()
        .stdin(MemoryInputPipe::new(input.to_vec()))
        .stdout(out.clone())
        .stderr(OutputFile::new(log))
        .build();
    (ctx, out)
}

/// Guest stdout goes to the host's stdout through a tokio writer.
pub fn to_host_stdout() -> WasiCtx {
    let stdout = AsyncStdoutStream::new(8192, tokio::io::stdout());
    WasiCtxBuilder::new().stdout(stdout).stderr(wasmtime_wasi::cli::stderr()).build()
}
