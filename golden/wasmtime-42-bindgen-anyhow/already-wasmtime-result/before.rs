use wasmtime::component::{Resource, ResourceTable};

wasmtime::component::bindgen!({
    world: "store",
    imports: { default: trappable },
    with: {
        "example:store/blobs.blob": Blob,
    },
});

pub struct Blob(Vec<u8>);

pub struct State {
    table: ResourceTable,
}

impl example::store::blobs::Host for State {
    fn put(&mut self, key: String, data: Vec<u8>) -> wasmtime::Result<()> {
        std::fs::write(&key, data)?;
        Ok(())
    }
}

impl example::store::blobs::HostBlob for State {
    fn new(&mut self, data: Vec<u8>) -> wasmtime::Result<Resource<Blob>> {
        Ok(self.table.push(Blob(data))?)
    }

    fn len(&mut self, b: Resource<Blob>) -> wasmtime::Result<u32> {
        Ok(self.table.get(&b)?.0.len() as u32)
    }

    fn drop(&mut self, b: Resource<Blob>) -> wasmtime::Result<()> {
        self.table.delete(b)?;
        Ok(())
    }
}
