wasmtime::component::bindgen!({
    path: "wit",
    world: "station",
});

use demo::sensor::readings::{Host, Sample};

pub struct Readings;

impl Host for Readings {
    fn average(&mut self, samples: Vec<Sample>) -> Option<f64> {
        if samples.is_empty() {
            return None;
        }
        let sum: f64 = samples.iter().map(|s| f64::from(s.celsius)).sum();
        Some(sum / samples.len() as f64)
    }
}
