mod a {
    wit_bindgen::generate!({ world: "tick", path: "wit" });
}

mod b {
    wit_bindgen::generate!({
        world: "tock",
        path: "wit",
        disable_run_ctors_once_workaround: true,
    });
}
