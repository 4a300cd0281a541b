use wit_bindgen::backpressure_set;

pub fn busy(on: bool) {
    backpressure_set(on);
}

pub fn pause() {
    wit_bindgen::backpressure_set(true);
}
