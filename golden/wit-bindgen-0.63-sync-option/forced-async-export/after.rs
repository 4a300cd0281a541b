wit_bindgen::generate!({
    world: "calc",
});

use exports::demo::calc::math::Guest;

struct Calc;

impl Guest for Calc {
    fn sum(values: Vec<u32>) -> u32 {
        wit_bindgen::block_on(async move {
            let total = values.iter().sum();
            wit_bindgen::yield_async().await;
            total
        })
    }

    fn max(values: Vec<u32>) -> u32 {
        values.into_iter().max().unwrap_or(0)
    }
}

export!(Calc);
