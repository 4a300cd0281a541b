pub mod cli_host;
pub mod http_host;
