wit_bindgen::generate!({ world: "painter", enable_method_chaining: false, generate_all });

struct Painter;

impl Guest for Painter {
    fn paint() -> u32 {
        let pen = demo::shapes::draw::Pen::new();
        pen.set_width(2);
        pen.finish()
    }
}

export!(Painter);
