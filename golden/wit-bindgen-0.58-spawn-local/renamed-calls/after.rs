use wit_bindgen::spawn_local;

pub fn start(n: u32) {
    spawn_local(async move {
        let _ = n;
    });
    wit_bindgen::spawn_local(async {});
}

mod inner {
    use wit_bindgen::spawn_local as go;

    pub fn later() {
        go(async {});
    }
}
