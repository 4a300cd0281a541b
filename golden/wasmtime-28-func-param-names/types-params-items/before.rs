use wasmtime::component::types::{ComponentFunc, ComponentItem};
use wasmtime::component::{Component, Type};
use wasmtime::Engine;

pub fn first_param(ty: &ComponentFunc) -> Option<Type> {
    ty.params().next()
}

pub fn funcs(engine: &Engine, component: &Component) -> Vec<ComponentFunc> {
    let mut out = Vec::new();
    for (_, item) in component.component_type().exports(engine) {
        if let ComponentItem::ComponentFunc(ty) = item {
            out.push(ty);
        }
    }
    out
}
