use wit_bindgen::rt::async_support::{self, error_context_new};

wit_bindgen::generate!({ world: "errs" });

struct Errs;

impl Guest for Errs {
    fn check(code: u32) -> u32 {
        if code == 0 {
            return 0;
        }
        let first = error_context_new("first");
        let second = async_support::error_context_new(&format!("code {code}"));
        let third = wit_bindgen::rt::async_support::error_context_new("third");
        drop((first, second, third));
        code
    }
}

/// A user function of the same name is not touched.
mod local {
    pub fn error_context_new(_m: &str) {}
}

fn _local() {
    local::error_context_new("x");
}

export!(Errs);
