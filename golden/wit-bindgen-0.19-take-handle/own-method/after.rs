wit_bindgen::generate!({ world: "pipe", path: "wit" });

pub struct Ticket(u32);

impl Ticket {
    pub fn into_handle(self) -> u32 {
        self.0
    }
}

pub fn redeem(t: Ticket) -> u32 {
    t.into_handle()
}
