wit_bindgen::generate!({ world: "pipe", path: "wit" });

use example::pipe::io::Stream;

// hand a stream to another binding of the same interface
pub fn forward(s: Stream) -> u32 {
    s.take_handle()
}

pub fn raw_of(r: wit_bindgen::Resource<Local>) -> u32 {
    wit_bindgen::Resource::take_handle(&r)
}

pub fn keep(s: &Stream, sink: &mut Vec<u32>) {
    // a method of another name, and one with arguments, are not this API
    sink.push(s.handle());
    sink.into_iter().for_each(drop);
}
