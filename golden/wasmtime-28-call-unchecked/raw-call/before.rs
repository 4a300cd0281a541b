use wasmtime::{Func, Store, ValRaw};

/// Calls `f: (i32) -> i32` through the raw ABI.
pub fn call_raw(store: &mut Store<()>, f: Func, x: i32) -> wasmtime::Result<i32> {
    let mut buf = [ValRaw::i32(x)];
    unsafe {
        f.call_unchecked(&mut *store, buf.as_mut_ptr(), buf.len())?;
    }
    Ok(buf[0].get_i32())
}
