use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context};
use wasmtime::component::{Component, HasSelf, Linker};
use wasmtime::{Engine, StoreContextMut};

wasmtime::component::bindgen!({
    inline: "
        package demo:kv;

        interface store {
            get: func(key: string) -> option<string>;
            set: func(key: string, value: string);
        }

        world host {
            import store;
        }
    ",
    imports: { default: trappable },
});

use demo::kv::store::Host;

pub struct Kv {
    map: HashMap<String, String>,
    limit: usize,
}

fn check_key(key: &str) -> anyhow::Result<()> {
    if key.is_empty() {
        bail!("empty key");
    }
    Ok(())
}

impl Host for Kv {
    fn get(&mut self, key: String) -> wasmtime::Result<Option<String>> {
        check_key(&key).map_err(wasmtime::Error::from_anyhow)?;
        Ok(self.map.get(&key).cloned())
    }

    fn set(&mut self, key: String, value: String) -> wasmtime::Result<()> {
        if self.map.len() >= self.limit {
            wasmtime::bail!("store full ({} keys)", self.limit);
        }
        wasmtime::ensure!(value.len() < 4096, "value too large");
        let n: u64 = value.trim().parse().context("value must be a number").map_err(wasmtime::Error::from_anyhow)?;
        if n == 0 {
            return Err(wasmtime::Error::msg("zero is not a value"));
        }
        self.map.insert(key, value);
        Ok(())
    }
}

pub fn add_to_linker(linker: &mut Linker<Kv>) -> anyhow::Result<()> {
    linker.root().func_wrap("log", |_cx: StoreContextMut<'_, Kv>, (msg,): (String,)| -> wasmtime::Result<()> {
        if msg.is_empty() {
            wasmtime::bail!("empty log line");
        }
        println!("{msg}");
        Ok(())
    })?;
    demo::kv::store::add_to_linker::<Kv, HasSelf<Kv>>(linker, |s| s)?;
    Ok(())
}

pub fn load(engine: &Engine, path: &Path) -> wasmtime::Result<Component> {
    if !path.exists() {
        return Err(wasmtime::format_err!("missing component {}", path.display()));
    }
    Component::from_file(engine, path)
}

pub fn run(path: &Path) -> anyhow::Result<()> {
    let engine = Engine::default();
    let component = load(&engine, path)?;
    let mut linker = Linker::new(&engine);
    add_to_linker(&mut linker)?;
    let _ = component;
    Ok(())
}
