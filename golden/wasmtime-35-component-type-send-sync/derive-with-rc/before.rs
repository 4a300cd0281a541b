use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use wasmtime::component::{ComponentType, Lift, Lower};

#[derive(ComponentType, Lift, Lower)]
#[component(record)]
pub struct Shared {
    #[component(name = "count")]
    pub count: u32,
}

/// Not a component type: Rc is fine here.
pub struct Cache {
    pub entries: Rc<RefCell<Vec<u8>>>,
}

#[derive(Clone)]
pub struct Handle {
    pub inner: Arc<u32>,
}

#[derive(ComponentType)]
#[component(record)]
pub struct Local {
    pub cache: Rc<RefCell<u32>>,
}
