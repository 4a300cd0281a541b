mod a {
    wit_bindgen::generate!({ world: "tick", path: "wit", run_ctors_once_workaround: true });
}

mod b {
    wit_bindgen::generate!({
        world: "tock",
        path: "wit",
        run_ctors_once_workaround: false,
    });
}
