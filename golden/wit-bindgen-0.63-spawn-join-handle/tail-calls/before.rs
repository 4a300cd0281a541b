use wit_bindgen::spawn_local;

pub async fn detach(n: u32) {
    spawn_local(async move {
        let _ = n;
    })
}

pub async fn many() {
    let start: Box<dyn Fn()> = Box::new(|| { wit_bindgen::spawn_local(async {}) });
    start();
    spawn_local(async {});
}

pub fn from_sync() {
    spawn_local(async {});
}
