use wasmtime_wasi::p2::{pipe, DynInputStream};
use wasmtime_wasi::cli::StdinStream;

/// The project's own source of bytes, with a method of the same name.
pub struct Feed {
    bytes: Vec<u8>,
}

impl Feed {
    pub fn stream(&self) -> &[u8] {
        &self.bytes
    }
}

pub fn feed_len(feed: &Feed) -> usize {
    feed.stream().len()
}

pub fn fixed_input(bytes: &'static [u8]) -> DynInputStream {
    let input = pipe::MemoryInputPipe::new(bytes);
    input.p2_stream()
}

pub fn from_dyn(input: &dyn StdinStream) -> DynInputStream {
    input.stream()
}
