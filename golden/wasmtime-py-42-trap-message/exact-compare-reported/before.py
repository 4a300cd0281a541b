import wasmtime
from wasmtime import Trap

WAT = '(module (func (export "boom") unreachable))'


def run_boom() -> str:
    store = wasmtime.Store()
    inst = wasmtime.Instance(store, wasmtime.Module(store.engine, WAT), [])
    try:
        inst.exports(store)["boom"](store)
    except Trap as trap:
        last = trap.message.splitlines()[-1]
        if trap.message.endswith("instruction executed"):
            return "unreachable"
        if str(trap) == "":
            return "empty"
        return last
    return "no trap"


def test_boom() -> None:
    import pytest

    with pytest.raises(wasmtime.Trap) as info:
        run_boom_raw()
    assert info.value.message != "wasm trap: wasm `unreachable` instruction executed"


def run_boom_raw() -> None:
    store = wasmtime.Store()
    inst = wasmtime.Instance(store, wasmtime.Module(store.engine, WAT), [])
    inst.exports(store)["boom"](store)


if __name__ == "__main__":
    print(run_boom())
