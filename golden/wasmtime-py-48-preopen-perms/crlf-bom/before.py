# -*- coding: utf-8 -*-
from wasmtime import DirPerms, FilePerms, WasiConfig, Store


def main() -> None:
    wasi = WasiConfig()
    wasi.preopen_dir(".", "/data", DirPerms.READ_ONLY, FilePerms.READ_ONLY)
    Store().set_wasi(wasi)
    print("ok")


if __name__ == "__main__":
    main()
