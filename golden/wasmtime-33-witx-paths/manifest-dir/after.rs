wiggle::from_witx!({
    witx: ["wit/api.witx"],
});

pub struct Ctx;

impl api::Api for Ctx {
    fn noop(&mut self, _memory: &mut wiggle::GuestMemory<'_>) {}
}
