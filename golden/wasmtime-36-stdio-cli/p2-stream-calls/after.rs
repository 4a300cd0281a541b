use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::p2::{pipe, DynInputStream, DynOutputStream};
use wasmtime_wasi::cli::{StdinStream as _, StdoutStream as _};

/// Resources for stdio handed out by a host that stubs the cli world.
pub fn closed_stdin(table: &mut ResourceTable) -> wasmtime::Result<Resource<DynInputStream>> {
    let stdin = pipe::ClosedInputStream;
    let stream = stdin.p2_stream();
    Ok(table.push(stream)?)
}

pub fn captured_stdout(table: &mut ResourceTable) -> wasmtime::Result<(pipe::MemoryOutputPipe, Resource<DynOutputStream>)> {
    let pipe = pipe::MemoryOutputPipe::new(4096);
    let stream: DynOutputStream = pipe.p2_stream();
    Ok((pipe.clone(), table.push(stream)?))
}
