wit_bindgen::generate!({
    world: "cache",
});
export!(Cache);

pub struct Cache;
pub struct MyBucket;
