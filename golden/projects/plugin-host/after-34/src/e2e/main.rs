//! A second host binary (feature `e2e`) that exercises more of the wasmtime 29 host API:
//! wasi-http, custom stdio streams, preopened directories, async engines, `post_return`,
//! the compilation cache and `func_new`. It is the input of tests/test_compile_e2e.py.

use anyhow::Result;

mod engine;
mod http;
mod stdio;

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map(String::as_str).unwrap_or("plugin.wasm");
    let engine = engine::async_engine()?;
    engine::call_exports(&engine, path).await?;
    println!("sync run: {}", engine::call_sync(path)?);
    let out = http::serve_one(&engine, path).await?;
    println!("guest printed {} bytes", out.len());
    Ok(())
}
