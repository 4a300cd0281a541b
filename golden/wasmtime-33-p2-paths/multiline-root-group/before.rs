use {
    std::{
        collections::HashMap,
        path::{Path, PathBuf},
    },
    wasmtime::{
        component::{Component, Instance, Linker, ResourceTable, ResourceType},
        Config, Engine, Store,
    },
    wasmtime_wasi::{
        pipe::{MemoryInputPipe, MemoryOutputPipe},
        DirPerms, FilePerms, IoView, WasiCtx, WasiCtxBuilder, WasiView,
    },
};

pub struct Ctx {
    wasi: WasiCtx,
    table: ResourceTable,
}

impl IoView for Ctx {
    fn table(&mut self) -> &mut ResourceTable {
        &mut self.table
    }
}

impl WasiView for Ctx {
    fn ctx(&mut self) -> &mut WasiCtx {
        &mut self.wasi
    }
}

pub fn sandbox(dir: &Path, env: &HashMap<String, String>) -> wasmtime::Result<(Ctx, MemoryOutputPipe)> {
    let out = MemoryOutputPipe::new(4096);
    let mut b = WasiCtxBuilder::new();
    b.stdin(MemoryInputPipe::new(Vec::new())).stdout(out.clone());
    b.preopened_dir(PathBuf::from(dir), "/", DirPerms::all(), FilePerms::all())?;
    for (k, v) in env {
        b.env(k, v);
    }
    Ok((Ctx { wasi: b.build(), table: ResourceTable::new() }, out))
}

pub fn engine_and_linker() -> wasmtime::Result<(Engine, Linker<Ctx>)> {
    let engine = Engine::new(Config::new().async_support(true))?;
    let linker = Linker::new(&engine);
    Ok((engine, linker))
}

pub fn touch(_: Option<(Component, Instance, ResourceType, Store<Ctx>)>) {}
