use wasmtime::{Store, StoreContextMut, UpdateDeadline};

pub struct State {
    refills: u32,
}

pub fn refill_on_epoch(store: &mut Store<State>) {
    store.epoch_deadline_callback(|mut cx: StoreContextMut<'_, State>| {
        cx.data_mut().refills += 1;
        cx.set_fuel(10_000)?;
        Ok(UpdateDeadline::Continue(1))
    });
}
