"""wasm-codemod: upgrade wasmtime and wit-bindgen projects by rewriting source and manifests."""

__version__ = "0.1.0"
