use wit_bindgen_rt as rt;

rt::bitflags::bitflags! {
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub struct Access: u8 {
        const READ = 1;
        const WRITE = 2;
    }
}

pub fn boot() -> Access {
    let (_ptr, cleanup) = wit_bindgen_rt::Cleanup::new(std::alloc::Layout::new::<u64>());
    drop(cleanup);
    Access::READ | Access::WRITE
}
