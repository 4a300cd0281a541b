use wasmtime_wasi::p2::StreamResult;

pub fn describe() -> &'static str {
    std::any::type_name::<FileInputStream>()
}

pub fn ok() -> StreamResult<()> {
    Ok(())
}
