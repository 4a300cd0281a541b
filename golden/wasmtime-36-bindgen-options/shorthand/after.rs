use wasmtime::component::bindgen;

bindgen!("greeter" in "wit");

pub struct Names(pub String);

impl GreeterImports for Names {
    fn name(&mut self) -> String {
        self.0.clone()
    }
}
