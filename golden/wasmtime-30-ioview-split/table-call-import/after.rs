pub mod bounds;
pub mod host;
pub mod http;
pub mod streams;
