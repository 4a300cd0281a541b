use wiggle::GuestError;

/// Full paths, an arm made only of removed variants, and a user enum with a same-named variant.
pub enum Mine {
    PtrBorrowed,
    Other,
}

pub fn code(err: &GuestError) -> u32 {
    match err {
        GuestError::PtrBorrowed { .. } => 7,
        GuestError::BorrowCheckerOutOfHandles => 8,
        _ => 1,
    }
}

pub fn mine(m: Mine) -> u32 {
    match m {
        Mine::PtrBorrowed => 1,
        Mine::Other => 2,
    }
}
