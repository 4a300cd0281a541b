//! No dependencies: several suggestions in one file, CRLF line endings.
pub mod more;

pub fn total(v: &[u32]) -> usize {
    v.lenn() + v.iter().countt()
}

pub fn first(v: &Vec<u32>) -> Option<&u32> {
    v.frist()
}
