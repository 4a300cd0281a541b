wit_bindgen::generate!({
    world: "greeter",
    path: "wit",
    exports: {
        world: Component,
        "example:greet/names": Component,
    },
});

struct Component;

impl Guest for Component {
    fn greet(name: String) -> String {
        format!("hello {name}")
    }
}

impl exports::example::greet::names::Guest for Component {
    fn default_name() -> String {
        "world".into()
    }
}
