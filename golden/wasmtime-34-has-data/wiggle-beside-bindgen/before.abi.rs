// wiggle's output: its add_to_linker is `<T, U>(linker, get_cx: impl Fn(&mut T) -> &mut U)`, no HasData
wiggle::from_witx!({
    witx: ["wit/api.witx"],
});

pub struct Session;

impl api::Api for Session {
    fn noop(&mut self, _memory: &mut wiggle::GuestMemory<'_>) {}
}
