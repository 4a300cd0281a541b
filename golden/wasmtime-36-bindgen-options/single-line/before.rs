use wasmtime::component::bindgen;

bindgen!({ world: "calculator", async: true, path: "wit" });

pub struct Ctx;

impl demo::calc::math::Host for Ctx {
    async fn add(&mut self, a: i32, b: i32) -> i32 {
        a.wrapping_add(b)
    }
}

pub async fn eval(
    store: &mut wasmtime::Store<Ctx>,
    calc: &Calculator,
    expr: &str,
) -> wasmtime::Result<i32> {
    calc.call_eval(store, expr).await
}
