wit_bindgen::generate!({ world: "greeter-world", path: "wit" });

/// Untouched by this step.
struct Component;

impl exports::example::greet::greeter::Guest for Component {
    fn greet(name: String) -> String {
        format!("hello, {name}")
    }
}

export!(Component);
