pub fn finish(result: anyhow::Result<()>) {
    if let Err(e) = result {
        let code = e
            .downcast_ref::<wasmtime_wasi::I32Exit>()
            .map(|exit| exit.process_exit_code())
            .unwrap_or(1);
        std::process::exit(code);
    }
}
