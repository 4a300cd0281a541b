use wasmtime::Store;

/// Collect between requests (an async host).
pub async fn between_requests(store: &mut Store<()>) -> wasmtime::Result<()> {
    store.gc_async(None).await?;
    Ok(())
}
