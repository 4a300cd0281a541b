wit_bindgen::generate!({
    world: "painter",
    enable_method_chaining: true,
});

use demo::shapes::draw::Pen;

struct Painter;

impl Guest for Painter {
    fn paint() -> u32 {
        let pen = Pen::new();
        pen.set_width(2).move_to(1, 1).move_to(5, 5);
        pen.finish()
    }
}

export!(Painter);
