use wasmtime::component::{Accessor, TypedFunc};

/// Call an export concurrently and wait for the callee task to finish (42 shape).
pub async fn call<T: Send + 'static>(
    accessor: &Accessor<T>,
    f: TypedFunc<(u32,), (u32,)>,
) -> wasmtime::Result<u32> {
    let ((n,), exit): ((u32,), TaskExit) = f.call_concurrent(accessor, (1,)).await?;
    exit.block(accessor).await;
    Ok(n)
}
