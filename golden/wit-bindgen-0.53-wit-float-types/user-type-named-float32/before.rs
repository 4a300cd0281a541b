wit_bindgen::generate!({
    path: "wit",
    world: "meter",
});

use exports::demo::units::units::{Float32, Guest};

struct Meter;

impl Guest for Meter {
    fn scale(x: Float32, factor: f64) -> Float32 {
        (f64::from(x) * factor) as u32
    }
}

export!(Meter);
