/// A builder taking a string default (clap-like) and no wasmtime memory API: nothing to report.
pub struct Opt;

impl Opt {
    pub fn default_value(self, _v: &str) -> Self {
        self
    }
}

pub fn opt() -> Opt {
    Opt.default_value("4096")
}
