use wasmtime::component::types::ComponentItem;
use wasmtime::component::Component;
use wasmtime::Engine;

/// Names of the interfaces a component imports, the way hosts check what to link.
pub fn imported_instances(engine: &Engine, component: &Component) -> Vec<String> {
    let ty = component.component_type();
    let mut out = Vec::new();
    for (name, item) in ty.imports(engine).map(|(name, item)| (name, item.ty)) {
        if let ComponentItem::ComponentInstance(_) = item {
            out.push(name.to_string());
        }
    }
    out
}

pub fn export_count(engine: &Engine, component: &Component) -> usize {
    component.component_type().exports(engine).map(|(name, item)| (name, item.ty)).len()
}

pub fn has_run(engine: &Engine, component: &Component) -> bool {
    let ty = component.component_type();
    match ty.get_export(engine, "wasi:cli/run@0.2.0").map(|item| item.ty) {
        Some(ComponentItem::ComponentInstance(inst)) => inst.get_export(engine, "run").map(|item| item.ty).is_some(),
        _ => false,
    }
}
