wit_bindgen::generate!({ world: "app", sync: true });

struct App;

impl Guest for App {
    fn run() {
        demo::timer::clock::sleep(5);
    }
}

export!(App);
