wit_bindgen::generate!({
    path: "wit",
    world: "geometry",
});

use exports::demo::geo::shapes::{Guest, Point, Shape};

struct Geo;

impl Guest for Geo {
    fn area(s: Shape, by: f64) -> f64 {
        let a = match s {
            Shape::Circle(r) => std::f64::consts::PI * r * r,
            Shape::Polygon(points) => points.len() as f64,
        };
        log(a, "area");
        a * by
    }

    fn centroid(points: Vec<Point>) -> (f32, f32) {
        let n = points.len().max(1) as f32;
        let live = points.iter().filter(|p| !p.float64);
        live.fold((0.0, 0.0), |(x, y), p| (x + p.x / n, y + p.y / n))
    }

    fn parse(text: String) -> Result<f32, String> {
        text.trim().parse::<f32>().map_err(|e| e.to_string())
    }
}

export!(Geo);
