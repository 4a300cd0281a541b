//! A test generator: writes the linking code of a generated host.
pub fn link_source(prefix: &str) -> String {
    format!("    {prefix}::add_to_linker(linker, |ctx| ctx)?;\n    {prefix}::add_to_linker::<_, HasSelf<_>>(linker, |c| c)?;\n")
}
