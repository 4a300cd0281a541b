import wasmtime as wt

WAT = """
(module
  (memory (export "memory") 1 1 shared)
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1))))
"""


class Host:
    def __init__(self) -> None:
        self.config = wt.Config()
        self.config.shared_memory = True
        self.engine = wt.Engine(self.config)
        self.store = wt.Store(self.engine)

    def run(self) -> int:
        inst = wt.Instance(self.store, wt.Module(self.engine, WAT), [])
        inst.exports(self.store)["store"](self.store, 0, 42)
        memory = inst.exports(self.store)["memory"]
        return bytes(memory.data_ptr()[0:1])[0]


if __name__ == "__main__":
    print(Host().run())
