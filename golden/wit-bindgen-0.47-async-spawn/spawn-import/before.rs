use wit_bindgen::spawn;

pub fn start_background(n: u32) {
    spawn(async move {
        let _ = n;
    });
}

pub fn start_twice() {
    wit_bindgen::spawn(async {});
}
