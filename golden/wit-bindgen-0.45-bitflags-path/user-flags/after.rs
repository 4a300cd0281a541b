use std::string::String;

wit_bindgen::rt::bitflags::bitflags! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Mode: u8 {
        const READ = 1;
        const WRITE = 2;
    }
}

pub fn label(m: Mode) -> String {
    if m.contains(Mode::WRITE) {
        String::from("rw")
    } else {
        String::from("ro")
    }
}
