/// Errors through wiggle's old re-export.
pub fn parse(s: &str) -> Result<u32, wiggle::anyhow::Error> {
    s.parse::<u32>().map_err(wiggle::anyhow::Error::new)
}
