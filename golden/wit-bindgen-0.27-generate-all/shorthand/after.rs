wit_bindgen::generate!({ world: "timer", path: "wit", generate_all });
