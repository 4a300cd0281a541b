wit_bindgen::generate!({ world: "tool" });

use exports::demo::files::fs::{Guest, OpenMode};

struct Tool;

impl Guest for Tool {
    fn open(path: String, mode: OpenMode) -> bool {
        !path.is_empty() && (mode.contains(OpenMode::READ) || mode.is_all())
    }
}

export!(Tool);
