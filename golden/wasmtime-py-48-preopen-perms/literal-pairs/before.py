from wasmtime import DirPerms, FilePerms, WasiConfig


def sandbox(data_dir: str, out_dir: str) -> WasiConfig:
    wasi = WasiConfig()
    wasi.inherit_stdout()
    # inputs are read-only, outputs writable
    wasi.preopen_dir(data_dir, "/data", DirPerms.READ_ONLY, FilePerms.READ_ONLY)
    wasi.preopen_dir(out_dir, "/out", DirPerms.READ_WRITE, FilePerms.READ_WRITE)
    wasi.preopen_dir(data_dir, "/ref", dir_perms=DirPerms.READ_ONLY, file_perms=FilePerms.READ_ONLY)
    wasi.preopen_dir(out_dir, "/cache", file_perms=FilePerms.READ_WRITE)
    wasi.preopen_dir(out_dir, "/plain")
    return wasi


if __name__ == "__main__":
    sandbox(".", ".")
    print("ok")
