// anyhow is only mentioned in this comment: nothing here returns it.
pub fn normalized(name: &str) -> Option<String> {
    if name.is_empty() || name.chars().any(char::is_whitespace) {
        return None;
    }
    Some(name.to_lowercase())
}
