wit_bindgen::generate!({
    world: "calc",
    async: ["export:demo:calc/math@0.1.0#sum"],
});

use exports::demo::calc::math::Guest;

struct Calc;

impl Guest for Calc {
    async fn sum(values: Vec<u32>) -> u32 {
        let total = values.iter().sum();
        wit_bindgen::yield_async().await;
        total
    }

    fn max(values: Vec<u32>) -> u32 {
        values.into_iter().max().unwrap_or(0)
    }
}

export!(Calc);
