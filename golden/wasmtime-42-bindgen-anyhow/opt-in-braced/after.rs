use anyhow::Context as _;
use wasmtime::component::{Resource, ResourceTable};

wasmtime::component::bindgen!({
    world: "store",
    imports: { default: trappable },
    with: {
        "example:store/blobs.blob": Blob,
    },
    anyhow: true,
});

pub struct Blob(Vec<u8>);

pub struct State {
    table: ResourceTable,
}

impl example::store::blobs::Host for State {
    fn put(&mut self, key: String, data: Vec<u8>) -> anyhow::Result<()> {
        std::fs::write(&key, data).with_context(|| format!("writing {key}"))
    }
}

impl example::store::blobs::HostBlob for State {
    fn new(&mut self, data: Vec<u8>) -> anyhow::Result<Resource<Blob>> {
        Ok(self.table.push(Blob(data))?)
    }

    fn len(&mut self, b: Resource<Blob>) -> anyhow::Result<u32> {
        Ok(self.table.get(&b)?.0.len() as u32)
    }

    fn drop(&mut self, b: Resource<Blob>) -> anyhow::Result<()> {
        self.table.delete(b)?;
        Ok(())
    }
}
