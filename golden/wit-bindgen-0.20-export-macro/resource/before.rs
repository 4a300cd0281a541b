wit_bindgen::generate!({
    world: "cache",
    exports: {
        "example:cache/store": Cache,
        "example:cache/store/bucket": MyBucket,
    }
});

pub struct Cache;
pub struct MyBucket;
