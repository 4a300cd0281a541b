wit_bindgen::generate!({
    world: "app",
    async: ["import:demo:timer/clock@0.1.0#tick", "-all"],
});

use demo::timer::clock;

struct App;

impl Guest for App {
    fn run() {
        clock::sleep(5);
        wit_bindgen::block_on(async {
            let _ = clock::tick().await;
        });
    }
}

export!(App);
