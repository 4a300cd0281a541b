wasmtime::component::bindgen!({
    inline: "
        package example:beta;
        interface clock {
            now: func() -> u64;
            @unstable(feature = precise)
            now-nanos: func() -> u64;
        }
        world beta { import clock; }
    ",
    features: ["precise"],
});
