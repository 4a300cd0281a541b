//! A wasmtime 29 host after `upgrade --to 36`, at the sites no step could see: names reached
//! through a re-exporting prelude, and methods on values whose type only the compiler knows.
mod prelude {
    pub use wasmtime::component::*;
    pub use wasmtime::*;
    pub use wasmtime_wasi::*;
}
use prelude::*;

pub mod io {
    use super::*;

    // moved to wasmtime_wasi::cli at 36
    pub fn capture() -> OutputFile {
        OutputFile::new(std::io::stderr())
    }
}

// `StdoutStream::stream` is `p2_stream` from 36
pub fn stream_of(s: &wasmtime_wasi::cli::Stdout) -> Box<dyn wasmtime_wasi::p2::OutputStream> {
    s.stream()
}

// the renamed method is there, but its trait is not in scope
pub fn stream_renamed(s: &wasmtime_wasi::cli::Stdout) -> Box<dyn wasmtime_wasi::p2::OutputStream> {
    s.p2_stream()
}

// renamed `get_export` at 33; rustc suggests `get_export_index`, which returns no item
pub fn lookup(c: &Component) -> Option<ComponentExportIndex> {
    let (_item, idx) = c.export_index(None, "run")?;
    Some(idx)
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.cache_config_load_default()?;
    Engine::new(&config)
}
