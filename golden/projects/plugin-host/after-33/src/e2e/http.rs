//! A wasi-http host: the store state implements both `WasiView` and `WasiHttpView`.

use anyhow::Result;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::{DirPerms, FilePerms};
use wasmtime_wasi::p2::{IoView, WasiCtx, WasiCtxBuilder, WasiView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpView};

use crate::stdio::CapturedStdout;

pub struct HttpState {
    wasi: WasiCtx,
    http: WasiHttpCtx,
    table: ResourceTable,
}

impl WasiView for HttpState {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}

impl IoView for HttpState {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiHttpView for HttpState {
    fn ctx(&mut self) -> &mut WasiHttpCtx {
        &mut self.http
    }
}

pub fn new_state(data_dir: &str, stdout: CapturedStdout) -> Result<HttpState> {
    let mut builder = WasiCtxBuilder::new();
    builder.stdout(stdout);
    builder.inherit_stderr();
    builder.preopened_dir(data_dir, "/data", DirPerms::READ, FilePerms::READ)?;
    builder.preopened_dir(".", "/work", DirPerms::all(), FilePerms::all())?;
    Ok(HttpState {
        wasi: builder.build(),
        http: WasiHttpCtx::new(),
        table: ResourceTable::new(),
    })
}

pub async fn serve_one(engine: &Engine, path: &str) -> Result<Vec<u8>> {
    let mut linker: Linker<HttpState> = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
    wasmtime_wasi_http::add_only_http_to_linker_async(&mut linker)?;

    let stdout = CapturedStdout::default();
    let mut store = Store::new(engine, new_state("data", stdout.clone())?);
    let component = Component::from_file(engine, path)?;
    let _instance = linker.instantiate_async(&mut store, &component).await?;
    Ok(stdout.contents())
}
