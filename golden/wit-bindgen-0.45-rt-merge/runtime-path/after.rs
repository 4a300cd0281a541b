wit_bindgen::generate!({
    world: "greeter",
});

struct Greeter;

impl Guest for Greeter {
    fn greet(name: String) -> String {
        let (_ptr, cleanup) = wit_bindgen::rt::Cleanup::new(std::alloc::Layout::new::<u64>());
        drop(cleanup);
        format!("hello, {name}")
    }
}

export!(Greeter);
