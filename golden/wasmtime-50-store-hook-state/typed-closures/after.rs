use wasmtime::{CallHook, Store, StoreContextMut, StoreHookState, UpdateDeadline};

#[derive(Default)]
pub struct State {
    ticks: u64,
    calls: u64,
    fuel_log: Vec<u64>,
}

pub fn configure(store: &mut Store<State>) {
    store.epoch_deadline_callback(|mut cx: StoreHookState<'_, State>| {
        cx.data_mut().ticks += 1;
        Ok(UpdateDeadline::Continue(1))
    });
    store.call_hook(|mut cx: StoreHookState<'_, State>, hook: CallHook| {
        if hook.entering_host() {
            let fuel = wasmtime::AsContext::as_context(&cx).get_fuel().unwrap_or(0);
            cx.data_mut().fuel_log.push(fuel);
        }
        cx.data_mut().calls += 1;
        Ok(())
    });
}

/// Untyped closures that only touch the data need no change.
pub fn untyped(store: &mut Store<State>) {
    store.epoch_deadline_callback(|cx| {
        if cx.data().ticks > 100 {
            wasmtime::bail!("too many ticks");
        }
        Ok(UpdateDeadline::Yield(1))
    });
}
