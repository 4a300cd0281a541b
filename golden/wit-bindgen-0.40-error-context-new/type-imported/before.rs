use wit_bindgen_rt::async_support::{error_context_new, ErrorContext};

wit_bindgen::generate!({ world: "errs" });

struct Errs;

fn make(m: &str) -> ErrorContext {
    error_context_new(m)
}

impl Guest for Errs {
    fn check(code: u32) -> u32 {
        drop((make("a"), error_context_new("b")));
        code
    }
}

export!(Errs);
