use wasmtime_wasi::{self as wasi, p2::pipe::MemoryOutputPipe};

pub struct Host {
    pub wasi: wasi::WasiCtx,
    pub out: MemoryOutputPipe,
}

pub fn host() -> Host {
    let out = MemoryOutputPipe::new(4096);
    let mut b = wasi::WasiCtxBuilder::new();
    b.stdout(out.clone()).stderr(wasi::cli::stderr()).stdin(wasi::cli::stdin());
    Host { wasi: b.build(), out }
}

pub fn boxed_stdout(out: &MemoryOutputPipe) -> Box<dyn wasi::cli::StdoutStream> {
    Box::new(out.clone())
}
