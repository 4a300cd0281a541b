use wasmtime_cli_flags::CommonOptions;

pub fn config_for_target(opts: &mut CommonOptions, triple: Option<&str>) -> anyhow::Result<wasmtime::Config> {
    opts.config(triple, None)
}
