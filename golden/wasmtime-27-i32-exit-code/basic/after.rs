use wasmtime_wasi::I32Exit;

pub fn exit_code(err: &anyhow::Error) -> Option<i32> {
    if let Some(exit) = err.downcast_ref::<I32Exit>() {
        return Some(if cfg!(windows) && exit.0 >= 3 { 1 } else { exit.0 });
    }
    None
}
