wit_bindgen::generate!({
    inline: r#"
        package demo:inline@0.1.0;

        world small {
            export double: func(x: u32) -> u32;
        }
    "#,
});

struct Small;

impl Guest for Small {
    fn double(x: u32) -> u32 {
        x * 2
    }
}

export!(Small);
