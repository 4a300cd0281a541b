use wit_bindgen::spawn as go;

pub fn start() {
    go(async {});
}
