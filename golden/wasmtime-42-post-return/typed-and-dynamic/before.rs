use wasmtime::component::{Func, Instance, TypedFunc, Val};
use wasmtime::Store;

pub struct State;

pub fn call_greet(store: &mut Store<State>, instance: &Instance) -> wasmtime::Result<String> {
    let greet: TypedFunc<(String,), (String,)> = instance.get_typed_func(&mut *store, "greet")?;
    let (out,) = greet.call(&mut *store, ("world".to_string(),))?;
    greet.post_return(&mut *store)?;
    Ok(out)
}

pub fn call_dynamic(store: &mut Store<State>, func: Func) -> wasmtime::Result<Val> {
    let mut results = [Val::Bool(false)];
    func.call(&mut *store, &[], &mut results)?;
    let _ = func.post_return(&mut *store);
    Ok(results[0].clone())
}

pub async fn call_async(store: &mut Store<State>, func: TypedFunc<(), (u32,)>) -> wasmtime::Result<u32> {
    let (n,) = func.call_async(&mut *store, ()).await?;
    func.post_return_async(&mut *store).await?;
    Ok(n)
}
