use wit_bindgen::AbiBuffer;

wit_bindgen::generate!({ world: "bufs" });

struct Bufs;

/// A buffer kept between writes, with its type written out.
struct Pending {
    buf: Option<AbiBuffer<u8>>,
}

fn drain(p: &mut Pending) -> Vec<u8> {
    p.buf.take().map(|b| b.into_vec()).unwrap_or_default()
}

impl Guest for Bufs {
    fn run() -> u32 {
        let mut p = Pending { buf: None };
        drain(&mut p).len() as u32
    }
}

/// A local type of the same name is not reported.
mod local {
    pub struct AbiBuffer<T>(pub T);
}

fn _local(_b: local::AbiBuffer<u8>) {}

export!(Bufs);
