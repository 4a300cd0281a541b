wit_bindgen::generate!({
    world: "app",
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
