//! An async plugin host of the wasmtime 25 era: WASIp2 from the `wasmtime_wasi` root,
//! `WasiView` with `table()` and `ctx()`, wasi-http, and a WASIp1 runner beside it.

use anyhow::{Context, Result};
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::{DirPerms, FilePerms, I32Exit, WasiCtx, WasiCtxBuilder, WasiView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpView};

mod p1;
mod stdio;

wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
    async: true,
});

/// Per-instance state stored in the `Store`.
struct HostState {
    ctx: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
}

impl WasiView for HostState {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
    }
}

impl WasiHttpView for HostState {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

/// The host side of the `example:plugin/host` interface.
#[async_trait::async_trait]
impl example::plugin::host::Host for HostState {
    async fn log(&mut self, msg: String) {
        println!("[plugin] {msg}");
    }
}

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.wasm_component_model(true);
    config.cache_config_load_default()?;
    Engine::new(&config)
}

async fn run_component(engine: &Engine, path: &str, input: &str) -> Result<()> {
    let mut linker: Linker<HostState> = Linker::new(engine);
    wasmtime_wasi::add_to_linker_async(&mut linker)?;
    wasmtime_wasi_http::add_only_http_to_linker_async(&mut linker)?;
    PluginWorld::add_to_linker(&mut linker, |s| s)?;

    let mut builder = WasiCtxBuilder::new();
    builder
        .stdout(stdio::Prefixed::new("guest"))
        .inherit_stderr()
        .preopened_dir(".", "/data", DirPerms::READ, FilePerms::READ)?;
    let state = HostState {
        ctx: builder.build(),
        http: WasiHttpCtx::new(),
        table: ResourceTable::new(),
    };
    let mut store = Store::new(engine, state);

    let component = Component::from_file(engine, path)
        .with_context(|| format!("failed to load component {path}"))?;
    let plugin = PluginWorld::instantiate_async(&mut store, &component, &linker).await?;

    let guest = plugin.example_plugin_plugin();
    let name = guest.call_name(&mut store).await?;
    match guest.call_run(&mut store, input).await? {
        Ok(output) => println!("{name}: {output}"),
        Err(err) => eprintln!("{name} failed: {err}"),
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let engine = engine()?;
    let outcome = match args.get(1).map(String::as_str) {
        Some("--p1") => {
            let path = args.get(2).context("usage: --p1 <module.wasm>")?;
            p1::run_module(&engine, path).await
        }
        Some(path) => {
            let input = args.get(2).map(String::as_str).unwrap_or("hello");
            run_component(&engine, path, input).await
        }
        None => anyhow::bail!("usage: wasmtime25-host [--p1] <file.wasm> [input]"),
    };
    // A guest that called `exit` surfaces as an `I32Exit` error: exit with its code.
    if let Err(e) = &outcome {
        if let Some(exit) = e.downcast_ref::<I32Exit>() {
            std::process::exit(exit.process_exit_code());
        }
    }
    outcome
}
