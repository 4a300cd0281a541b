use wizer::Wizer;

/// The project's pre-initialisation settings, shared by its build steps.
pub fn configured(init: &str) -> Wizer {
    let mut w = Wizer::new();
    w.init_func(init).keep_init_func(false);
    w
}

/// An item of the project's own named like wizer's: untouched.
pub mod dummy {
    pub fn wizer() -> &'static str {
        "not the crate"
    }
}
