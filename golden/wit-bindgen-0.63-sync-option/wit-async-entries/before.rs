wit_bindgen::generate!({
    world: "app",
    async: ["import:demo:timer/clock@0.1.0#sleep"],
});

struct App;

impl Guest for App {
    fn run() {
        wit_bindgen::block_on(async {
            demo::timer::clock::sleep(5).await;
        });
    }
}

export!(App);
