wit_bindgen::generate!({
    world: "pipe",
    path: "wit",
    exports: {
        "example:pipe/api": Api,
        "example:pipe/api/local": MyLocal,
    },
});

use example::pipe::io::Channel;
use exports::example::pipe::api::{Guest, GuestLocal, OwnLocal};

pub struct Api;
pub struct MyLocal;

impl Guest for Api {
    fn make() -> OwnLocal {
        OwnLocal::new(MyLocal)
    }
}

impl GuestLocal for MyLocal {
    fn id(&self) -> u32 {
        7
    }
}

// hand a channel to another binding of the same interface
pub fn forward(s: Channel) -> u32 {
    s.into_handle()
}

pub fn raw_of(r: wit_bindgen::Resource<MyLocal>) -> u32 {
    wit_bindgen::Resource::into_handle(r)
}

pub fn keep(s: &Channel, sink: &mut Vec<u32>) {
    // a method of another name, and one with arguments, are not this API
    sink.push(s.handle());
    sink.iter_mut().for_each(|x| *x += 1);
}
