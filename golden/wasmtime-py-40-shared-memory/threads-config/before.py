from wasmtime import Config, Engine, Limits, MemoryType, SharedMemory, Store


def make_engine() -> Engine:
    config = Config()
    config.wasm_threads = True
    config.consume_fuel = False
    return Engine(config)


def main() -> None:
    engine = make_engine()
    mem = SharedMemory(engine, MemoryType(Limits(1, 4), shared=True))
    mem.grow(1)
    Store(engine)
    print("bytes", mem.data_len())


if __name__ == "__main__":
    main()
