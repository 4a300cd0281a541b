import wasmtime

try:  # wasmtime-py < 48
    from wasmtime import DirPerms, FilePerms

    HAS_PERMS = True
except ImportError:  # wasmtime-py >= 48
    HAS_PERMS = False


def preopen(wasi: wasmtime.WasiConfig, host: str, guest: str) -> None:
    if HAS_PERMS:
        wasi.preopen_dir(host, guest, DirPerms.READ_ONLY, FilePerms.READ_ONLY)
    else:
        wasi.preopen_dir(host, guest, fs_mutable=False)


if __name__ == "__main__":
    preopen(wasmtime.WasiConfig(), ".", "/")
    print("ok")
