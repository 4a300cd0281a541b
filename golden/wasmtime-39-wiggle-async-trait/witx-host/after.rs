wiggle::from_witx!({
    witx_literal: "
        (typename $status
          (enum (@witx tag u32)
            $ok
            $denied))
        (module $kv
          (@interface func (export \"fetch\")
            (param $key u32)
            (result $r (expected u64 (error $status)))))
    ",
    async: { kv::fetch },
});

/// The host state behind a custom witx ABI (viceroy-style).
pub struct Store {
    pub values: Vec<u64>,
}

impl kv::Kv for Store {
    async fn fetch(&mut self, _mem: &mut wiggle::GuestMemory<'_>, key: u32) -> Result<u64, types::Status> {
        self.values.get(key as usize).copied().ok_or(types::Status::Denied)
    }
}

impl wiggle::GuestErrorType for types::Status {
    fn success() -> Self {
        types::Status::Ok
    }
}
