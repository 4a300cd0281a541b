use wit_bindgen::rt::async_support::{error_context_new, ErrorContext};

wit_bindgen::generate!({ world: "errs" });

struct Errs;

impl Guest for Errs {
    fn check(code: u32) -> u32 {
        // the function as a value: reported, not rewritten
        let ctor: fn(&str) -> ErrorContext = error_context_new;
        drop(ctor("b"));
        code
    }
}

export!(Errs);
