use std::alloc::Layout;
use wit_bindgen::rt::Cleanup;

pub fn scratch() {
    let (_ptr, cleanup) = Cleanup::new(Layout::new::<[u8; 16]>());
    drop(cleanup);
}
