pub mod wit {
    wit_bindgen::generate!({ world: "platform", path: "wit" });
}

pub fn log(msg: &str) {
    wit::log(msg);
}
