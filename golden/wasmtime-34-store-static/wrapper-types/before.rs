//! Store data reaches wasmtime through the program's own wrapper types.
use wasmtime::component::{InstancePre, Linker};
use wasmtime::{Caller, Store};

/// The program's engine: wasmtime's engine plus a linker over the store data.
pub struct Engine<T> {
    pub inner: wasmtime::Engine,
    pub linker: Linker<T>,
}

pub struct State<P, U> {
    pub plugin: P,
    pub user: U,
}

/// Holds an `Engine` over `State<P, U>`: `P` and `U` are store data, through the wrapper.
pub struct Executor<P, U = ()> {
    pub engine: Engine<State<P, U>>,
}

pub fn exports<T>(pre: &InstancePre<T>) -> usize {
    pre.component().component_type().exports(pre.engine()).count()
}

pub fn fuel_left<T>(caller: &Caller<'_, T>) -> u64 {
    caller.get_fuel().unwrap_or(0)
}

/// A local alias over the wrapper: only the parameters the data uses (`U`) need `'static`.
pub type Pre<P, U> = InstancePre<State<<P as Kind>::Data, U>>;

pub trait Kind {
    type Data: 'static;
}

pub struct Prepared<'a, P: Kind, U> {
    pub pre: &'a Pre<P, U>,
}
