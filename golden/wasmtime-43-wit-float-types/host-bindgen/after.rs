wasmtime::component::bindgen!({
    path: "wit",
    world: "geometry",
});

use exports::demo::geo::shapes::{Point, Shape};

pub fn unit_circle() -> Shape {
    Shape::Circle(1.0)
}

pub fn origin() -> Point {
    Point { x: 0.0, y: 0.0, float64: false }
}

struct Logger;

impl GeometryImports for Logger {
    fn log(&mut self, value: f64, label: String) {
        println!("{label}: {value}");
    }
}
