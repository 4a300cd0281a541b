wit_bindgen::generate!({
    world: "app",
    sync: ["import:demo:timer/clock@0.1.0#sleep"],
});

struct App;

impl Guest for App {
    fn run() {
        demo::timer::clock::sleep(5);
    }
}

export!(App);
