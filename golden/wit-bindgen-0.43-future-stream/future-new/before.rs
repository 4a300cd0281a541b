wit_bindgen::generate!({ world: "later" });

struct Later;

impl Guest for Later {
    fn start() -> wit_bindgen::FutureReader<u32> {
        let (tx, rx) = wit_future::new::<u32>();
        wit_bindgen::spawn(async move {
            let _ = tx.write(42).await;
        });
        rx
    }
}

export!(Later);
