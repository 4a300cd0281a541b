mod bindings {
    wit_bindgen::generate!({ world: "greeter", exports: { world: super::Component } });

    pub fn unused() {}
}

mod plugin {
    wit_bindgen::generate!({ world: "plugin" });
    export!(Plugin);

    pub struct Plugin;
}

pub struct Component;
