wit_bindgen::generate!({
    world: "timer",
    path: "wit",
    with: {
        "example:clock/time": generate,
    },
    generate_all,
});

mod inline {
    wit_bindgen::generate!({ world: "timer", path: "wit", generate_all });
}
