wasmtime::component::bindgen!({ world: "fetcher", imports: { "example:net/http/parse-url": trappable, default: async | trappable }, exports: { default: async } });

pub struct Net;

impl example::net::http::Host for Net {
    async fn get(&mut self, url: String) -> wasmtime::Result<Result<String, u16>> {
        Ok(if url.starts_with("https://") { Ok(String::new()) } else { Err(400) })
    }

    fn parse_url(&mut self, url: String) -> wasmtime::Result<bool> {
        Ok(url.contains("://"))
    }
}

impl example::net::cache::Host for Net {
    async fn lookup(&mut self, _key: String) -> wasmtime::Result<Option<String>> {
        Ok(None)
    }
}
