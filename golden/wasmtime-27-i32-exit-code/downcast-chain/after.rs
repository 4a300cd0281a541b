pub fn finish(result: anyhow::Result<()>) {
    if let Err(e) = result {
        let code = e
            .downcast_ref::<wasmtime_wasi::I32Exit>()
            .map(|exit| if cfg!(windows) && exit.0 >= 3 { 1 } else { exit.0 })
            .unwrap_or(1);
        std::process::exit(code);
    }
}
