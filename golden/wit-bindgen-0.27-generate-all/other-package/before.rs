wit_bindgen::generate!({
    world: "timer",
    path: "wit",
    with: {
        "example:clock/time": generate,
    }
});

mod inline {
    wit_bindgen::generate!({ world: "timer", path: "wit" });
}
