wit_bindgen::generate!({
    world: "split",
    exports: { world: Root, "example:split/part": Part },
});

pub struct Root;
pub struct Part;
