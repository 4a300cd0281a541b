use wit_bindgen::rt::async_support::AbiBuffer;

wit_bindgen::generate!({ world: "bufs" });

struct Bufs;

fn keep(_b: Option<AbiBuffer<u32>>) -> u32 {
    0
}

impl Guest for Bufs {
    fn run() -> u32 {
        keep(None)
    }
}

export!(Bufs);
