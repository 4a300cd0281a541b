use anyhow::ensure;

pub fn valid_name(name: &str) -> anyhow::Result<()> {
    ensure!(!name.is_empty(), "empty name");
    ensure!(name.len() <= 64, "name longer than 64 bytes");
    Ok(())
}
