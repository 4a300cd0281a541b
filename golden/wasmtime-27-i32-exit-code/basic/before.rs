use wasmtime_wasi::I32Exit;

pub fn exit_code(err: &anyhow::Error) -> Option<i32> {
    if let Some(exit) = err.downcast_ref::<I32Exit>() {
        return Some(exit.process_exit_code());
    }
    None
}
