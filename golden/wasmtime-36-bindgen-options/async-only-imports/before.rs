wasmtime::component::bindgen!({
    world: "fetcher",
    async: {
        only_imports: ["get", "example:net/cache#lookup"],
    },
});

pub struct Net;

impl example::net::http::Host for Net {
    async fn get(&mut self, url: String) -> Result<String, u16> {
        if url.starts_with("https://") { Ok(String::new()) } else { Err(400) }
    }

    fn parse_url(&mut self, url: String) -> bool {
        url.contains("://")
    }
}

impl example::net::cache::Host for Net {
    async fn lookup(&mut self, _key: String) -> Option<String> {
        None
    }
}
