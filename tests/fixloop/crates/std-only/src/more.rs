pub fn map() -> HashMap<u32, u32> {
    let m: HashMap<u32, u32> = HashMap::new();
    m
}

pub fn set() -> BTreeSet<u32> {
    BTreeSet::new()
}
