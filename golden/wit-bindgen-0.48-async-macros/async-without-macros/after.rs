wit_bindgen::generate!({ world: "echo" });

struct Echo;

impl Guest for Echo {
    fn echo(s: String) -> String {
        s
    }
}

export!(Echo);
