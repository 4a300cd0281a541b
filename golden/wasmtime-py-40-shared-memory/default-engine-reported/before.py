from wasmtime import Engine, Limits, MemoryType, SharedMemory


def scratch() -> SharedMemory:
    return SharedMemory(Engine(), MemoryType(Limits(1, 1), shared=True))
