use clap::Parser;
use wasmtime_cli_flags::CommonOptions;

pub struct Runner {
    pub engine: wasmtime::Engine,
}

impl Runner {
    pub fn new() -> anyhow::Result<Self> {
        // the receiver's type is not spelled: a `let` from clap's parser
        let mut opts = CommonOptions::try_parse_from(std::iter::empty::<&'static str>())?;
        let config = opts
            .config(
                None,
                Some(false),
            )?;
        Ok(Self { engine: wasmtime::Engine::new(&config)? })
    }
}

pub fn config_for(opts: &mut CommonOptions, pooling: Option<bool>) -> anyhow::Result<wasmtime::Config> {
    opts.config(None, pooling)
}
