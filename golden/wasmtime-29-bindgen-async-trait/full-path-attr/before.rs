use wasmtime::component::Resource;
use wasmtime::component::__internal::async_trait;

wasmtime::component::bindgen!({
    inline: "
        package example:counter;
        world counters {
            resource counter {
                constructor();
                bump: func() -> u32;
            }
            import now: func() -> u64;
        }
    ",
    async: true,
    with: { "counter": Counter },
});

pub struct Counter(u32);

#[derive(Default)]
pub struct State {
    table: wasmtime::component::ResourceTable,
}

#[async_trait]
impl CountersImports for State {
    async fn now(&mut self) -> u64 {
        0
    }
}

#[async_trait]
impl HostCounter for State {
    async fn new(&mut self) -> Resource<Counter> {
        self.table.push(Counter(0)).unwrap()
    }

    async fn bump(&mut self, c: Resource<Counter>) -> u32 {
        let c = self.table.get_mut(&c).unwrap();
        c.0 += 1;
        c.0
    }

    fn drop(&mut self, c: Resource<Counter>) -> wasmtime::Result<()> {
        self.table.delete(c)?;
        Ok(())
    }
}
