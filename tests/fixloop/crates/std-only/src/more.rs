pub fn map() -> HashMap<u32, u32> {
    let m: HashMap<u32, u32> = HashMap::new();
    m
}

pub fn set() -> BTreeSet<u32> {
    BTreeSet::new()
}

pub fn joined(a: Vec<u8>, b: Vec<u8>) -> Chain<std::vec::IntoIter<u8>, std::vec::IntoIter<u8>> {
    a.into_iter().chain(b)
}
