pub mod wit {
    wit_bindgen::generate!({ world: "platform", path: "wit" });
}

pub fn touch() {
    wit::__link_section();
}
