wit_bindgen::generate!({
    world: "app",
    path: "wit",
});

use demo::clock::timer;

struct App;

impl Guest for App {
    fn run() -> u64 {
        timer::sleep(10);
        timer::now()
    }
}

export!(App);
