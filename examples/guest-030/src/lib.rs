//! A key-value guest in the shapes of wit-bindgen 0.30: an exported resource with a
//! constructor, static and borrowing methods, imported flags, variants and records.

use std::cell::RefCell;
use std::collections::BTreeMap;

wit_bindgen::generate!({
    world: "kv",
    path: "wit",
    additional_derives: [PartialEq],
});

use example::kv::host::{self, Level};
use exports::example::kv::store::{Bucket, Entry, Error, Guest, GuestBucket, Value};

struct Component;

struct MyBucket {
    name: String,
    entries: RefCell<BTreeMap<String, Entry>>,
}

impl Guest for Component {
    type Bucket = MyBucket;

    fn open(name: String) -> Bucket {
        host::log(Level::INFO, &format!("open {name}"));
        Bucket::new(MyBucket::new(name))
    }
}

impl GuestBucket for MyBucket {
    fn new(name: String) -> Self {
        MyBucket { name, entries: RefCell::new(BTreeMap::new()) }
    }

    fn get(&self, key: String) -> Result<Entry, Error> {
        self.entries.borrow().get(&key).cloned().ok_or(Error::NotFound)
    }

    fn put(&self, e: Entry) -> Result<(), Error> {
        let mut entries = self.entries.borrow_mut();
        if entries.len() >= 1024 {
            host::log(Level::WARN | Level::DEBUG, &format!("{} is full", self.name));
            return Err(Error::Full);
        }
        if let Value::Number(n) = &e.value {
            host::log(Level::DEBUG, &format!("{} = {n} at {}", e.key, host::now()));
        }
        entries.insert(e.key.clone(), e);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }

    fn merge(a: exports::example::kv::store::BucketBorrow<'_>, b: exports::example::kv::store::BucketBorrow<'_>) -> Bucket {
        let a: &MyBucket = a.get();
        let b: &MyBucket = b.get();
        let merged = MyBucket::new(format!("{}+{}", a.name, b.name));
        for (k, v) in a.entries.borrow().iter().chain(b.entries.borrow().iter()) {
            merged.entries.borrow_mut().insert(k.clone(), v.clone());
        }
        Bucket::new(merged)
    }
}

export!(Component);
