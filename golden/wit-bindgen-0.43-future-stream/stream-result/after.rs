use wit_bindgen::StreamResult;

pub fn describe(r: StreamResult) -> &'static str {
    match r {
        StreamResult::Complete(_) => "wrote",
        StreamResult::Dropped => "peer went away",
        StreamResult::Cancelled => "cancelled",
    }
}

pub fn is_gone(r: &wit_bindgen::rt::async_support::StreamResult) -> bool {
    matches!(r, wit_bindgen::rt::async_support::StreamResult::Dropped)
}
