import wasmtime


def engine() -> wasmtime.Engine:
    cfg = wasmtime.Config()
    cfg.wasm_threads = True
    return wasmtime.Engine(cfg)


if __name__ == "__main__":
    e = engine()
    m = wasmtime.SharedMemory(e, wasmtime.MemoryType(wasmtime.Limits(1, 1), shared=True))
    print(m.data_len())
