wit_bindgen::generate!({ world: "solo", path: "wit" });

mod inl {
    wit_bindgen::generate!({
        inline: "
            package example:inl;
            world inl { export run: func(); }
        ",
    });
}
