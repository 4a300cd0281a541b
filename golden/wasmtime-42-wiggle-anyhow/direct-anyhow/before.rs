/// Uses wasmtime's own error type: nothing to report.
pub fn parse(s: &str) -> wasmtime::Result<u32> {
    Ok(s.parse::<u32>()?)
}
