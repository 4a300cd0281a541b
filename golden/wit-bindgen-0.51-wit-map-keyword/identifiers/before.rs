wit_bindgen::generate!({
    path: "wit",
    world: "plugin",
});

use exports::demo::kv::map::{Entry, Guest, Mode};

struct Plugin;

impl Guest for Plugin {
    fn map(items: Vec<Entry>, map: Mode) -> Vec<Entry> {
        match map {
            Mode::Map => items
                .into_iter()
                .map(|e| Entry { map: e.map.iter().map(|b| demo::kv::helpers::map(u32::from(*b)) as u8).collect(), key: e.key })
                .collect(),
            Mode::Filter => items.into_iter().filter(|e| map_host(e.map.len() as u32) > 0).collect(),
        }
    }

    fn lookup(map_name: String) -> Option<Entry> {
        Some(Entry { key: map_name, map: Vec::new() })
    }
}

export!(Plugin);
