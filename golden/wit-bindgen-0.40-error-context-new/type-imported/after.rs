use wit_bindgen_rt::async_support::{ErrorContext as error_context_new, ErrorContext};

wit_bindgen::generate!({ world: "errs" });

struct Errs;

fn make(m: &str) -> ErrorContext {
    ErrorContext::new(m)
}

impl Guest for Errs {
    fn check(code: u32) -> u32 {
        drop((make("a"), ErrorContext::new("b")));
        code
    }
}

export!(Errs);
