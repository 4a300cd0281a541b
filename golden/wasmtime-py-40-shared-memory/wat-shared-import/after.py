import wasmtime as wt

WAT = """
(module
  (import "env" "memory" (memory 1 1 shared))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1))))
"""


class Host:
    def __init__(self) -> None:
        self.config = wt.Config()
        self.config.shared_memory = True
        self.engine = wt.Engine(self.config)
        self.store = wt.Store(self.engine)
        self.memory = wt.SharedMemory(self.engine, wt.MemoryType(wt.Limits(1, 1), shared=True))

    def run(self) -> int:
        linker = wt.Linker(self.engine)
        linker.define(self.store, "env", "memory", self.memory)
        inst = linker.instantiate(self.store, wt.Module(self.engine, WAT))
        inst.exports(self.store)["store"](self.store, 0, 42)
        return self.memory.data_len()


if __name__ == "__main__":
    print(Host().run())
