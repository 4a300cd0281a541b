import wasmtime

WAT = '(module (func (export "boom") unreachable))'


class Trap(Exception):
    """The project's own error type: its message is exact."""


def classify() -> str:
    store = wasmtime.Store()
    inst = wasmtime.Instance(store, wasmtime.Module(store.engine, WAT), [])
    try:
        inst.exports(store)["boom"](store)
    except wasmtime.Trap as t:
        return "unreachable" if "unreachable" in t.message else t.message.strip()
    return "none"


def mine() -> bool:
    try:
        raise Trap("exact")
    except Trap as e:
        return str(e) == "exact"


if __name__ == "__main__":
    print(classify(), mine())
