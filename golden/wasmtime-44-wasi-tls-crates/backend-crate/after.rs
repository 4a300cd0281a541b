pub fn tls_enabled() -> bool {
    true
}
