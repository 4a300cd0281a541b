use wasmtime::component::{Instance, ExportLookup, TypedFunc};
use wasmtime::Store;

/// Look up an export by name or by a pre-computed index.
pub fn typed<T: 'static, N>(instance: &Instance, store: &mut Store<T>, name: N) -> Option<TypedFunc<(), ()>>
where
    N: ExportLookup,
{
    let f = instance.get_func(&mut *store, name)?;
    f.typed::<(), ()>(&*store).ok()
}

pub fn by_path<T: 'static>(
    instance: &Instance,
    store: &mut Store<T>,
    name: &dyn wasmtime::component::ExportLookup,
) -> bool {
    instance.get_func(store, name).is_some()
}
