wit_bindgen::generate!({
    world: "smoothing",
    path: "wit",
});

struct Filter;

impl Guest for Filter {
    fn smooth(values: Vec<f32>, factor: f64) -> Vec<f32> {
        let mut prev = 0.0f32;
        values
            .into_iter()
            .map(|v| {
                prev = prev + (v - prev) * factor as f32;
                prev
            })
            .collect()
    }
}

export!(Filter);
