use wasmtime::component::types::ComponentItem;
use wasmtime::component::Component;
use wasmtime::Engine;

pub fn count_params(engine: &Engine, component: &Component) -> usize {
    let mut n = 0;
    for (_, item) in component.component_type().exports(engine) {
        if let ComponentItem::ComponentFunc(ty) = item {
            n += ty.params().len();
        }
    }
    n
}
