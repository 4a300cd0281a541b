use cap_primitives::fs::SystemTimeSpec;

/// Timestamps the host applies to files it creates for guests.
pub fn default_mtime(now: bool) -> Option<SystemTimeSpec> {
    if now {
        Some(SystemTimeSpec::SymbolicNow)
    } else {
        None
    }
}
