//! A metering guest in the shapes of wit-bindgen 0.16: an `exports` map naming the type that
//! implements the world and its interface, an imported resource from a dependency package whose
//! handle is passed on raw, and WIT that still spells `float32`/`float64`.

use std::cell::Cell;

wit_bindgen::generate!({
    world: "meter",
    path: "wit",
    exports: {
        world: Meter,
        "example:meter/readings": Meter,
    },
});

use example::log::sink::{self, Channel, Level};
use exports::example::meter::readings::{self, Sample, Summary};

struct Meter;

thread_local! {
    // the raw handle of the log channel, kept between calls
    static CHANNEL: Cell<Option<u32>> = Cell::new(None);
}

fn with_channel(f: impl FnOnce(&Channel)) {
    let ch = match CHANNEL.with(|c| c.take()) {
        // SAFETY: the handle came from `into_handle` below and is owned by this guest alone
        Some(raw) => unsafe { Channel::from_handle(raw) },
        None => sink::open_default(),
    };
    f(&ch);
    CHANNEL.with(|c| c.set(Some(ch.into_handle())));
}

impl readings::Guest for Meter {
    fn summarize(samples: Vec<Sample>) -> Summary {
        let total: f64 = samples.iter().map(|s| s.weight as f64).sum();
        if samples.is_empty() || total == 0.0 {
            with_channel(|ch| ch.write(Level::Warn, "no samples"));
            return Summary::Empty;
        }
        let mean = samples.iter().map(|s| s.value * s.weight as f64).sum::<f64>() / total;
        with_channel(|ch| ch.write(Level::Info, &format!("{} samples, mean {mean}", samples.len())));
        Summary::Mean(mean)
    }

    fn scale(x: f32, by: f32) -> f32 {
        x * by
    }
}

impl Guest for Meter {
    fn version() -> String {
        "1.0.0".to_string()
    }
}
