wit_bindgen::generate!({
    world: "client",
    async: [
        "-import:demo:net/conn@0.1.0#[async]fetch",
        "-import:demo:net/conn@0.1.0#[async method]socket.recv",
    ],
});

use demo::net::conn;

struct Client;

impl Guest for Client {
    fn check() -> bool {
        let s = conn::Socket::new(80);
        let _ = s.recv();
        s.close();
        !conn::fetch("http://example.com").is_empty() && conn::ping()
    }
}

export!(Client);
