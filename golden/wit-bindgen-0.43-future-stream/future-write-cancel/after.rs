use wit_bindgen::FutureWriteCancel;

/// What a cancelled future write gives back.
pub fn value_back<T: 'static>(c: FutureWriteCancel<T>) -> Option<T> {
    match c {
        FutureWriteCancel::AlreadySent => None,
        FutureWriteCancel::Dropped(v) => Some(v),
        FutureWriteCancel::Cancelled(v, _writer) => Some(v),
    }
}
