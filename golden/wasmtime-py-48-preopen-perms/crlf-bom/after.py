# -*- coding: utf-8 -*-
from wasmtime import WasiConfig, Store


def main() -> None:
    wasi = WasiConfig()
    wasi.preopen_dir(".", "/data", fs_mutable=False)
    Store().set_wasi(wasi)
    print("ok")


if __name__ == "__main__":
    main()
