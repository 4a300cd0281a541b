pub mod wit {
    wit_bindgen::generate!({ world: "platform", path: "wit" });
}

/// Keeps the component type section linked when the bindings are re-exported
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub use wit::__link_section;

pub fn log(msg: &str) {
    wit::log(msg);
}
