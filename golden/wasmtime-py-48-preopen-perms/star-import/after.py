from wasmtime import *


def config_for(path: str, writable: bool) -> WasiConfig:
    wasi = WasiConfig()
    if writable:
        wasi.preopen_dir(path, "/work")
    else:
        wasi.preopen_dir(path, "/work", fs_mutable=False)
    return wasi


if __name__ == "__main__":
    config_for(".", True)
    config_for(".", False)
    print("ok")
