use wit_bindgen::spawn;

pub fn start(n: u32) {
    spawn(async move {
        let _ = n;
    });
    wit_bindgen::spawn(async {});
}

mod inner {
    use wit_bindgen::spawn as go;

    pub fn later() {
        go(async {});
    }
}
