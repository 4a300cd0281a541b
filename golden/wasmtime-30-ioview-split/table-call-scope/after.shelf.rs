//! A `.table()` of the program's own: no WASI view in this file, nothing to import.
pub struct Shelf {
    rows: Vec<u32>,
}

impl Shelf {
    pub fn table(&mut self) -> &mut Vec<u32> {
        &mut self.rows
    }
}

pub fn first(s: &mut Shelf) -> Option<u32> {
    s.table().first().copied()
}
