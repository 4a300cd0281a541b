mod bindings {
    wit_bindgen::generate!({ world: "greeter", exports: { world: super::Component } });

    pub fn unused() {}
}

mod plugin {
    wit_bindgen::generate!({ world: "plugin", exports: { "example:greet/names": Plugin } });

    pub struct Plugin;
}

pub struct Component;
