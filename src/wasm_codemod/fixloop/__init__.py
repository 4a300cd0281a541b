"""The compiler in the loop: read `cargo check` JSON, apply rustc's suggestions and the steps' known
fixes round by round, keep a round only when the error count drops (docs/fix-loop.md)."""
