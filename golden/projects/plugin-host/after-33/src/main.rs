//! A tiny plugin host: loads a WebAssembly component that implements the
//! `example:plugin/plugin` interface and calls its exports.

use anyhow::{Context, Result};
use wasmtime::component::{Component, Linker};
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::p2::{IoView, WasiCtx, WasiCtxBuilder, WasiView};
use wasmtime_wasi::ResourceTable;

mod p1;

wasmtime::component::bindgen!({
    world: "plugin-world",
    path: "wit",
});

/// Per-instance state stored in the `Store`.
struct HostState {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl IoView for HostState {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.ctx
    }
}

/// The host side of the `example:plugin/host` interface.
impl example::plugin::host::Host for HostState {
    fn log(&mut self, msg: String) {
        println!("[plugin] {msg}");
    }
}

fn run_component(path: &str, input: &str) -> Result<()> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    let engine = Engine::new(&config)?;

    let mut linker = Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    PluginWorld::add_to_linker(&mut linker, |s| s)?;

    let state = HostState {
        ctx: WasiCtxBuilder::new().inherit_stdio().build(),
        table: ResourceTable::new(),
    };
    let mut store = Store::new(&engine, state);

    let component = Component::from_file(&engine, path)
        .with_context(|| format!("failed to load component {path}"))?;
    let plugin = PluginWorld::instantiate(&mut store, &component, &linker)?;

    let guest = plugin.example_plugin_plugin();
    let name = guest.call_name(&mut store)?;
    match guest.call_run(&mut store, input)? {
        Ok(output) => println!("{name}: {output}"),
        Err(err) => eprintln!("{name} failed: {err}"),
    }
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("--p1") => {
            let path = args.get(2).context("usage: --p1 <module.wasm>")?;
            let engine = Engine::default();
            p1::run_module(&engine, path)
        }
        Some(path) => {
            let input = args.get(2).map(String::as_str).unwrap_or("hello");
            run_component(path, input)
        }
        None => anyhow::bail!("usage: plugin-host <component.wasm> [input]"),
    }
}
