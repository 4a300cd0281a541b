from wasmtime import Config, Engine, Memory, MemoryType, Limits, Store


class SharedMemory:
    """The project's own buffer type; not wasmtime's."""

    def __init__(self, size: int) -> None:
        self.buf = bytearray(size)


def main() -> None:
    config = Config()
    config.consume_fuel = True
    store = Store(Engine(config))
    mem = Memory(store, MemoryType(Limits(1, 2)))
    local = SharedMemory(16)
    print(mem.size(store), len(local.buf))


if __name__ == "__main__":
    main()
