wit_bindgen::generate!("timer" in "wit");
