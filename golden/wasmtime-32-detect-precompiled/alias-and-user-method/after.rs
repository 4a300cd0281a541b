use wasmtime::{self as wt};

/// A cache with its own `detect_precompiled`.
pub struct ArtifactCache;

impl ArtifactCache {
    pub fn detect_precompiled(&self, bytes: &[u8]) -> bool {
        bytes.starts_with(b"\x7fELF")
    }
}

pub fn classify(cache: &ArtifactCache, engine: &wt::Engine, bytes: &[u8]) -> (bool, bool) {
    let cached = cache.detect_precompiled(bytes);
    (cached, wt::Engine::detect_precompiled(bytes).is_some())
}
