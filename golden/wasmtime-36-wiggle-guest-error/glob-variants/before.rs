/// The host's own error codes for a custom witx ABI.
#[derive(Debug)]
pub enum Status {
    BadAlign,
    InvalidArgument,
    Unknown,
}

pub fn status(err: wiggle::GuestError) -> Status {
    use wiggle::GuestError::*;
    match err {
        PtrNotAligned { .. } => Status::BadAlign,
        InvalidFlagValue { .. }
        | InvalidEnumValue { .. }
        | PtrOutOfBounds { .. }
        | PtrBorrowed { .. }
        | PtrOverflow { .. }
        | InvalidUtf8 { .. }
        | TryFromIntError { .. } => Status::InvalidArgument,
        // pathological input or an internal error
        BorrowCheckerOutOfHandles | SliceLengthsDiffer => Status::Unknown,
        InFunc { err, .. } => status(*err),
    }
}
